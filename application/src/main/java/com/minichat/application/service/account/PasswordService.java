package com.minichat.application.service.account;

import com.minichat.application.port.in.account.ClientInfo;
import com.minichat.application.port.in.account.PasswordUseCase;
import com.minichat.application.port.in.account.Session;
import com.minichat.application.port.out.email.AccountMailer;
import com.minichat.application.port.out.ratelimit.RateLimiter;
import com.minichat.application.port.out.security.PasswordHasher;
import com.minichat.application.port.out.session.RefreshTokenRepository;
import com.minichat.application.port.out.user.UserRepository;
import com.minichat.application.service.RateLimits;
import com.minichat.domain.audit.AuditEventType;
import com.minichat.domain.common.AuthenticationException;
import com.minichat.domain.common.Violations;
import com.minichat.domain.user.Email;
import com.minichat.domain.user.Passwords;
import com.minichat.domain.user.TokenPurpose;
import com.minichat.domain.user.User;
import com.minichat.domain.user.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/** Forgotten-password e-mails, resets with their token, and changes by the signed-in user. */
public final class PasswordService implements PasswordUseCase {
  private final UserRepository users;
  private final RefreshTokenRepository refreshTokens;
  private final PasswordHasher hasher;
  private final PasswordPolicy policy;
  private final OneTimeTokens oneTimeTokens;
  private final SessionIssuer sessions;
  private final AccountMailer mailer;
  private final RateLimiter rateLimiter;
  private final Auditor auditor;
  private final AuthSettings settings;
  private final Clock clock;

  public PasswordService(
      UserRepository users,
      RefreshTokenRepository refreshTokens,
      PasswordHasher hasher,
      PasswordPolicy policy,
      OneTimeTokens oneTimeTokens,
      SessionIssuer sessions,
      AccountMailer mailer,
      RateLimiter rateLimiter,
      Auditor auditor,
      AuthSettings settings,
      Clock clock) {
    this.users = users;
    this.refreshTokens = refreshTokens;
    this.hasher = hasher;
    this.policy = policy;
    this.oneTimeTokens = oneTimeTokens;
    this.sessions = sessions;
    this.mailer = mailer;
    this.rateLimiter = rateLimiter;
    this.auditor = auditor;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public void forgot(String email, ClientInfo client) {
    RateLimits.enforce(
        rateLimiter, settings.passwordReset(), client.ip(), "Too many requests; try again later");
    users
        .findByEmail(new Email(email))
        .ifPresent(
            user -> {
              mailer.sendPasswordReset(
                  user,
                  oneTimeTokens.link(user.id(), TokenPurpose.RESET_PASSWORD, "/reset-password"));
              auditor.record(AuditEventType.PASSWORD_RESET_REQUESTED, user.id(), client, "");
            });
  }

  @Override
  public void reset(String token, String newPassword, ClientInfo client) {
    User user =
        users
            .findById(oneTimeTokens.peek(token, TokenPurpose.RESET_PASSWORD))
            .orElseThrow(() -> new AuthenticationException("The account no longer exists"));
    Violations violations = new Violations();
    checkNewPassword(user, newPassword, violations);
    violations.throwIfAny();
    // Spent only once the new password is acceptable, so a rejected attempt can be corrected.
    oneTimeTokens.redeem(token, TokenPurpose.RESET_PASSWORD);
    Instant now = clock.instant();
    User updated =
        users.update(user.withPassword(hasher.hash(Passwords.normalise(newPassword)), now));
    refreshTokens.revokeAllOfUser(user.id(), null, now);
    auditor.record(AuditEventType.PASSWORD_RESET, user.id(), client, "");
    mailer.sendPasswordChanged(updated);
  }

  @Override
  public Session change(
      UserId userId,
      String currentPassword,
      String newPassword,
      String currentRefreshToken,
      ClientInfo client) {
    User user =
        users.findById(userId).orElseThrow(() -> new AuthenticationException("Sign in again"));
    Violations violations = new Violations();
    violations.check(
        currentPassword != null
            && hasher.matches(Passwords.normalise(currentPassword), user.passwordHash()),
        "currentPassword",
        "is not your current password");
    checkNewPassword(user, newPassword, violations);
    violations.throwIfAny();
    Instant now = clock.instant();
    User updated =
        users.update(user.withPassword(hasher.hash(Passwords.normalise(newPassword)), now));
    auditor.record(AuditEventType.PASSWORD_CHANGED, user.id(), client, "");
    mailer.sendPasswordChanged(updated);
    return sessions.keepOnlyCurrent(updated, currentRefreshToken);
  }

  private void checkNewPassword(User user, String password, Violations violations) {
    if (password == null || password.isEmpty()) {
      violations.check(false, "newPassword", "is required");
      return;
    }
    List<String> used =
        Stream.concat(Stream.of(user.passwordHash()), user.previousPasswordHashes().stream())
            .toList();
    policy.check(password, "newPassword", user.email().value(), user.name(), used, violations);
  }
}
