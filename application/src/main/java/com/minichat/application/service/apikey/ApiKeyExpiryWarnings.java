package com.minichat.application.service.apikey;

import com.minichat.application.port.out.apikey.ApiKeyRepository;
import com.minichat.application.port.out.email.AccountMailer;
import com.minichat.application.port.out.team.MembershipRepository;
import com.minichat.application.port.out.user.UserRepository;
import com.minichat.application.port.out.workspace.WorkspaceRepository;
import com.minichat.domain.apikey.ApiKey;
import com.minichat.domain.team.Membership;
import com.minichat.domain.team.Permission;
import com.minichat.domain.workspace.Workspace;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily job that e-mails every owner and admin of a workspace once when one of its API keys has
 * seven days left, so that it can be rotated in time.
 */
public final class ApiKeyExpiryWarnings {
  /** The job's name for once-per-day claims. */
  public static final String JOB = "api-key-expiry-warnings";

  private static final Logger LOG = LoggerFactory.getLogger(ApiKeyExpiryWarnings.class);

  private final ApiKeyRepository keys;
  private final WorkspaceRepository workspaces;
  private final MembershipRepository memberships;
  private final UserRepository users;
  private final AccountMailer mailer;
  private final Clock clock;

  public ApiKeyExpiryWarnings(
      ApiKeyRepository keys,
      WorkspaceRepository workspaces,
      MembershipRepository memberships,
      UserRepository users,
      AccountMailer mailer,
      Clock clock) {
    this.keys = keys;
    this.workspaces = workspaces;
    this.memberships = memberships;
    this.users = users;
    this.mailer = mailer;
    this.clock = clock;
  }

  /** Warns about every key that needs it now; returns how many keys were warned about. */
  public int run() {
    Instant now = clock.instant();
    int warned = 0;
    for (ApiKey key : keys.findExpiringUnwarned(now)) {
      Optional<Workspace> workspace = workspaces.findById(key.workspaceId());
      if (workspace.isEmpty()) {
        continue;
      }
      for (Membership membership : memberships.findByWorkspace(key.workspaceId())) {
        if (membership.role().allows(Permission.MANAGE_API_KEYS)) {
          users
              .findById(membership.userId())
              .ifPresent(user -> mailer.sendApiKeyExpiring(user, key, workspace.get().name()));
        }
      }
      keys.update(key.warnedOfExpiry(now));
      warned++;
    }
    LOG.info("api key expiry warnings sent keys={}", warned);
    return warned;
  }
}
