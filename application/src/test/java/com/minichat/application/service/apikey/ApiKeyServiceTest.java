package com.minichat.application.service.apikey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.minichat.application.port.in.apikey.ApiKeyAuthentication;
import com.minichat.application.port.in.apikey.CreatedApiKey;
import com.minichat.application.service.support.ScriptedRateLimiter;
import com.minichat.application.service.support.TenancyFixture;
import com.minichat.domain.apikey.ApiKey;
import com.minichat.domain.apikey.ApiKeyId;
import com.minichat.domain.apikey.ApiScope;
import com.minichat.domain.common.AuthenticationException;
import com.minichat.domain.common.ErrorCode;
import com.minichat.domain.common.FieldViolation;
import com.minichat.domain.common.ForbiddenException;
import com.minichat.domain.common.NotFoundException;
import com.minichat.domain.common.RateLimitedException;
import com.minichat.domain.common.ValidationException;
import com.minichat.domain.team.Role;
import com.minichat.domain.user.User;
import com.minichat.domain.workspace.Workspace;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApiKeyServiceTest {
  private TenancyFixture fx;
  private ApiKeyService service;
  private User owner;
  private User admin;
  private User member;
  private Workspace workspace;

  @BeforeEach
  void setUp() {
    fx = new TenancyFixture();
    service = fx.apiKeys;
    owner = fx.user("Owner");
    admin = fx.user("Admin");
    member = fx.user("Member");
    workspace = fx.workspace(owner, "Coffee");
    fx.join(workspace, admin, Role.ADMIN);
    fx.join(workspace, member, Role.MEMBER);
  }

  private CreatedApiKey create(String name, ApiScope scope) {
    return service.create(admin.id(), workspace.id(), name, scope, null);
  }

  private ApiKey stored(ApiKeyId id) {
    return fx.keys.findById(id).orElseThrow();
  }

  @Test
  void theSecretIsShownOnceAndOnlyItsHashIsStored() {
    Instant now = fx.clock.peek();

    CreatedApiKey created =
        service.create(admin.id(), workspace.id(), "  CI  ", ApiScope.WRITE, null);

    String secret = created.secret();
    assertTrue(secret.matches("mc_live_[A-Za-z0-9_-]{32}"), secret);
    ApiKey key = created.key();
    assertEquals(fx.hasher.hash(secret), key.secretHash());
    assertNotEquals(secret, key.secretHash());
    assertTrue(secret.startsWith(key.hint()), key.hint());
    assertTrue(key.hint().startsWith(ApiKey.PREFIX), key.hint());
    assertTrue(key.hint().length() < secret.length() - 16, "the hint gives little away");
    assertEquals("CI", key.name());
    assertEquals(ApiScope.WRITE, key.scope());
    assertEquals(workspace.id(), key.workspaceId());
    assertEquals(admin.id(), key.createdBy());
    assertEquals(now, key.createdAt());
    assertEquals(now.plus(Duration.ofDays(90)), key.expiresAt());
    assertNull(key.lastUsedAt());
    assertNull(key.revokedAt());
    assertNull(key.replacedBy());
    assertEquals(List.of(key), fx.keys.all());
    assertFalse(fx.keys.all().toString().contains(secret), "the secret is not stored");
  }

  @Test
  void everyKeyHasItsOwnSecret() {
    Set<String> secrets = new HashSet<>();
    for (int i = 0; i < 20; i++) {
      secrets.add(create("key " + i, ApiScope.READ).secret());
    }

    assertEquals(20, secrets.size());
  }

  @Test
  void theLifetimeCanBeChosen() {
    Instant now = fx.clock.peek();

    ApiKey key = service.create(owner.id(), workspace.id(), "short", ApiScope.READ, 1).key();
    ApiKey longest = service.create(owner.id(), workspace.id(), "long", ApiScope.READ, 365).key();

    assertEquals(now.plus(Duration.ofDays(1)), key.expiresAt());
    assertEquals(now.plus(Duration.ofDays(365)), longest.expiresAt());
  }

  @Test
  void theListShowsEveryKeyNewestFirstWithoutSecrets() {
    CreatedApiKey first = create("first", ApiScope.READ);
    fx.clock.advance(Duration.ofMinutes(1));
    CreatedApiKey second = create("second", ApiScope.ADMIN);

    List<ApiKey> listed = service.list(owner.id(), workspace.id());

    assertEquals(List.of(second.key(), first.key()), listed);
    String shown = listed.toString();
    assertFalse(shown.contains(first.secret()), shown);
    assertFalse(shown.contains(second.secret()), shown);
  }

  @Test
  void theListIsPerWorkspace() {
    Workspace other = fx.workspace(owner, "Other");
    CreatedApiKey mine = create("mine", ApiScope.READ);
    service.create(owner.id(), other.id(), "theirs", ApiScope.READ, null);

    assertEquals(List.of(mine.key()), service.list(admin.id(), workspace.id()));
  }

  @Test
  void authenticationFindsTheKeyCountsTheRequestAndTouchesLastUse() {
    CreatedApiKey created = create("ci", ApiScope.READ);
    fx.clock.advance(Duration.ofMinutes(10));
    Instant now = fx.clock.peek();

    ApiKeyAuthentication authentication = service.authenticate(created.secret());

    assertEquals(created.key().id(), authentication.key().id());
    assertEquals(TenancyFixture.PER_KEY.permits(), authentication.limit());
    assertEquals(TenancyFixture.PER_KEY.permits() - 1, authentication.remaining());
    assertEquals(TenancyFixture.PER_KEY.window(), authentication.reset());
    assertEquals(now, stored(created.key().id()).lastUsedAt());
    assertEquals(
        List.of(
            new ScriptedRateLimiter.Request(TenancyFixture.PER_KEY, created.key().id().value())),
        ((ScriptedRateLimiter) fx.rateLimiter).requests());
  }

  @Test
  void unknownOrMalformedSecretsAreRefused() {
    CreatedApiKey created = create("ci", ApiScope.READ);

    for (String wrong :
        new String[] {
          null, "", "mc_live_", created.secret() + "x", created.secret().substring(8), "Bearer x"
        }) {
      AuthenticationException e =
          assertThrows(AuthenticationException.class, () -> service.authenticate(wrong));
      assertEquals(ErrorCode.AUTHENTICATION_FAILED, e.code(), String.valueOf(wrong));
    }
    assertNull(stored(created.key().id()).lastUsedAt());
  }

  @Test
  void aRevokedKeyIsRefusedAtOnce() {
    CreatedApiKey created = create("ci", ApiScope.READ);
    service.authenticate(created.secret());

    service.revoke(admin.id(), workspace.id(), created.key().id());

    AuthenticationException e =
        assertThrows(AuthenticationException.class, () -> service.authenticate(created.secret()));
    assertEquals(ErrorCode.AUTHENTICATION_FAILED, e.code());
    assertEquals(fx.clock.peek(), stored(created.key().id()).revokedAt());
    // Revoking again changes nothing.
    fx.clock.advance(Duration.ofMinutes(1));
    service.revoke(admin.id(), workspace.id(), created.key().id());
    assertEquals(
        fx.clock.peek().minus(Duration.ofMinutes(1)), stored(created.key().id()).revokedAt());
  }

  @Test
  void anExpiredKeyIsRefusedWithItsOwnCode() {
    CreatedApiKey created = service.create(admin.id(), workspace.id(), "ci", ApiScope.READ, 1);
    fx.clock.advance(Duration.ofDays(1).minusMillis(1));
    service.authenticate(created.secret());
    fx.clock.advance(Duration.ofMillis(1));

    AuthenticationException e =
        assertThrows(AuthenticationException.class, () -> service.authenticate(created.secret()));

    assertEquals(ErrorCode.API_KEY_EXPIRED, e.code());
  }

  @Test
  void afterARotationBothKeysWorkAndTheOldOneStopsAfterADay() {
    CreatedApiKey old = create("ci", ApiScope.WRITE);
    fx.clock.advance(Duration.ofDays(10));
    Instant rotatedAt = fx.clock.peek();

    CreatedApiKey successor = service.rotate(owner.id(), workspace.id(), old.key().id());

    assertNotEquals(old.secret(), successor.secret());
    assertTrue(successor.secret().startsWith(ApiKey.PREFIX));
    assertNotEquals(old.key().id(), successor.key().id());
    assertEquals("ci", successor.key().name());
    assertEquals(ApiScope.WRITE, successor.key().scope());
    assertEquals(rotatedAt.plus(Duration.ofDays(90)), successor.key().expiresAt());
    ApiKey replaced = stored(old.key().id());
    assertEquals(successor.key().id(), replaced.replacedBy());
    assertEquals(rotatedAt.plus(Duration.ofHours(24)), replaced.expiresAt());

    assertEquals(old.key().id(), service.authenticate(old.secret()).key().id());
    assertEquals(successor.key().id(), service.authenticate(successor.secret()).key().id());

    fx.clock.advance(Duration.ofHours(24).minusMillis(1));
    assertEquals(old.key().id(), service.authenticate(old.secret()).key().id());

    fx.clock.advance(Duration.ofMillis(1));
    assertThrows(AuthenticationException.class, () -> service.authenticate(old.secret()));
    assertEquals(successor.key().id(), service.authenticate(successor.secret()).key().id());
  }

  @Test
  void onlyAnActiveKeyCanBeRotated() {
    CreatedApiKey old = create("ci", ApiScope.READ);
    service.rotate(admin.id(), workspace.id(), old.key().id());
    CreatedApiKey revoked = create("gone", ApiScope.READ);
    service.revoke(admin.id(), workspace.id(), revoked.key().id());

    assertThrows(
        NotFoundException.class, () -> service.rotate(admin.id(), workspace.id(), old.key().id()));
    assertThrows(
        NotFoundException.class,
        () -> service.rotate(admin.id(), workspace.id(), revoked.key().id()));
    assertEquals(3, fx.keys.all().size());
  }

  @Test
  void aKeyIsManagedOnlyThroughItsOwnWorkspace() {
    Workspace other = fx.workspace(owner, "Other");
    CreatedApiKey foreign = service.create(owner.id(), other.id(), "theirs", ApiScope.READ, null);

    assertThrows(
        NotFoundException.class,
        () -> service.rotate(owner.id(), workspace.id(), foreign.key().id()));
    assertThrows(
        NotFoundException.class,
        () -> service.revoke(owner.id(), workspace.id(), foreign.key().id()));
    assertThrows(
        NotFoundException.class,
        () -> service.revoke(owner.id(), workspace.id(), ApiKeyId.generate()));

    assertEquals(foreign.key().id(), service.authenticate(foreign.secret()).key().id());
  }

  @Test
  void aSpentBudgetIsRefusedWithTheLimitAndNotCountedAsUse() {
    TenancyFixture limited =
        new TenancyFixture(ScriptedRateLimiter.refusingEverything(Duration.ofMinutes(7)));
    User someone = limited.user("Someone");
    Workspace theirs = limited.workspace(someone, "Shop");
    CreatedApiKey created =
        limited.apiKeys.create(someone.id(), theirs.id(), "ci", ApiScope.READ, null);

    RateLimitedException e =
        assertThrows(
            RateLimitedException.class, () -> limited.apiKeys.authenticate(created.secret()));

    assertEquals(TenancyFixture.PER_KEY.permits(), e.limit());
    assertEquals(Duration.ofMinutes(7), e.retryAfter());
    assertEquals(ErrorCode.RATE_LIMITED, e.code());
    assertNull(limited.keys.findById(created.key().id()).orElseThrow().lastUsedAt());
  }

  @Test
  void aKeyOfADeletedWorkspaceIsRefused() {
    CreatedApiKey created = create("ci", ApiScope.ADMIN);
    fx.workspaceService.delete(owner.id(), workspace.id());

    AuthenticationException e =
        assertThrows(AuthenticationException.class, () -> service.authenticate(created.secret()));

    assertEquals(ErrorCode.AUTHENTICATION_FAILED, e.code());
    assertEquals(List.of(), ((ScriptedRateLimiter) fx.rateLimiter).requests());
  }

  @Test
  void everyInvalidInputIsReportedTogetherAndNothingIsCreated() {
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () -> service.create(admin.id(), workspace.id(), " ", null, 0));

    assertEquals(
        List.of("name", "scope", "expiresInDays"),
        e.violations().stream().map(FieldViolation::field).toList());
    assertEquals(List.of(), fx.keys.all());
  }

  @Test
  void theNameAndLifetimeHaveLimits() {
    ValidationException tooLong =
        assertThrows(
            ValidationException.class,
            () ->
                service.create(
                    admin.id(),
                    workspace.id(),
                    "n".repeat(ApiKeyService.MAX_NAME + 1),
                    ApiScope.READ,
                    ApiKeyService.MAX_LIFETIME_DAYS + 1));
    ValidationException missing =
        assertThrows(
            ValidationException.class,
            () -> service.create(admin.id(), workspace.id(), null, ApiScope.READ, -5));

    assertEquals(
        List.of("name", "expiresInDays"),
        tooLong.violations().stream().map(FieldViolation::field).toList());
    assertEquals(
        List.of("name", "expiresInDays"),
        missing.violations().stream().map(FieldViolation::field).toList());
    assertEquals(
        ApiKeyService.MAX_NAME,
        service
            .create(
                admin.id(), workspace.id(), "n".repeat(ApiKeyService.MAX_NAME), ApiScope.READ, null)
            .key()
            .name()
            .length());
  }

  @Test
  void aMemberCannotManageKeys() {
    CreatedApiKey created = create("ci", ApiScope.READ);

    assertThrows(
        ForbiddenException.class,
        () -> service.create(member.id(), workspace.id(), "mine", ApiScope.ADMIN, null));
    assertThrows(ForbiddenException.class, () -> service.list(member.id(), workspace.id()));
    assertThrows(
        ForbiddenException.class,
        () -> service.rotate(member.id(), workspace.id(), created.key().id()));
    assertThrows(
        ForbiddenException.class,
        () -> service.revoke(member.id(), workspace.id(), created.key().id()));

    assertEquals(List.of(created.key()), fx.keys.all());
    assertNull(stored(created.key().id()).revokedAt());
  }

  @Test
  void outsidersCannotManageKeysAndLearnNothing() {
    User outsider = fx.user("Outsider");
    CreatedApiKey created = create("ci", ApiScope.READ);

    assertThrows(
        NotFoundException.class,
        () -> service.create(outsider.id(), workspace.id(), "mine", ApiScope.ADMIN, null));
    assertThrows(NotFoundException.class, () -> service.list(outsider.id(), workspace.id()));
    assertThrows(
        NotFoundException.class,
        () -> service.revoke(outsider.id(), workspace.id(), created.key().id()));

    assertEquals(List.of(created.key()), fx.keys.all());
  }
}
