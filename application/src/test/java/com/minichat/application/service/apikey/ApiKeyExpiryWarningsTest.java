package com.minichat.application.service.apikey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.minichat.application.service.support.RecordingAccountMailer.ExpiryWarning;
import com.minichat.application.service.support.TenancyFixture;
import com.minichat.domain.apikey.ApiKey;
import com.minichat.domain.apikey.ApiScope;
import com.minichat.domain.team.Role;
import com.minichat.domain.user.User;
import com.minichat.domain.workspace.Workspace;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApiKeyExpiryWarningsTest {
  private TenancyFixture fx;
  private ApiKeyExpiryWarnings warnings;
  private User owner;
  private User admin;
  private User member;
  private Workspace workspace;

  @BeforeEach
  void setUp() {
    fx = new TenancyFixture();
    warnings =
        new ApiKeyExpiryWarnings(
            fx.keys, fx.workspaces, fx.memberships, fx.users, fx.mailer, fx.clock);
    owner = fx.user("Owner");
    admin = fx.user("Admin");
    member = fx.user("Member");
    workspace = fx.workspace(owner, "Coffee ร้านกาแฟ");
    fx.join(workspace, admin, Role.ADMIN);
    fx.join(workspace, member, Role.MEMBER);
  }

  private ApiKey create(String name) {
    return fx.apiKeys.create(owner.id(), workspace.id(), name, ApiScope.READ, null).key();
  }

  private Set<User> recipients() {
    return fx.mailer.expiryWarnings().stream().map(ExpiryWarning::user).collect(Collectors.toSet());
  }

  @Test
  void ownersAndAdminsAreWarnedOnceWhenAKeyHasSevenDaysLeft() {
    ApiKey key = create("CRM sync");
    fx.clock.advance(ApiKey.DEFAULT_LIFETIME.minus(ApiKey.EXPIRY_WARNING).minusSeconds(1));

    assertEquals(0, warnings.run(), "eight days before expiry is too early");
    assertEquals(List.of(), fx.mailer.expiryWarnings());

    fx.clock.advance(Duration.ofSeconds(1));
    assertEquals(1, warnings.run());

    assertEquals(Set.of(owner, admin), recipients(), "members cannot manage keys");
    for (ExpiryWarning warning : fx.mailer.expiryWarnings()) {
      assertEquals(key.id(), warning.key().id());
      assertEquals("Coffee ร้านกาแฟ", warning.workspaceName());
    }
    assertEquals(fx.clock.peek(), fx.keys.findById(key.id()).orElseThrow().expiryWarnedAt());

    fx.clock.advance(Duration.ofDays(1));
    assertEquals(0, warnings.run(), "a key is warned about once");
    assertEquals(2, fx.mailer.expiryWarnings().size());
  }

  @Test
  void revokedRotatedAndDeletedWorkspaceKeysAreNotWarned() {
    ApiKey revoked = create("Revoked");
    ApiKey rotated = create("Rotated");
    fx.apiKeys.revoke(owner.id(), workspace.id(), revoked.id());
    fx.clock.advance(ApiKey.DEFAULT_LIFETIME.minus(Duration.ofDays(10)));
    fx.apiKeys.rotate(owner.id(), workspace.id(), rotated.id());
    Workspace other = fx.workspace(owner, "Closed shop");
    ApiKey orphan = fx.apiKeys.create(owner.id(), other.id(), "Orphan", ApiScope.READ, null).key();
    fx.workspaceService.delete(owner.id(), other.id());
    fx.clock.advance(Duration.ofDays(4));

    assertEquals(0, warnings.run());

    assertEquals(List.of(), fx.mailer.expiryWarnings());
    assertNull(fx.keys.findById(orphan.id()).orElseThrow().expiryWarnedAt());
  }
}
