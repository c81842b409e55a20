package com.minichat.application.port.out.apikey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.minichat.domain.apikey.ApiKey;
import com.minichat.domain.apikey.ApiKeyId;
import com.minichat.domain.apikey.ApiScope;
import com.minichat.domain.common.ConflictException;
import com.minichat.domain.common.Identifiers;
import com.minichat.domain.common.NotFoundException;
import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Behaviour every {@link ApiKeyRepository} must show. Extend it and return a fresh, empty
 * repository from {@link #newRepository()}. Every field of an {@link ApiKey} survives a round trip
 * (instants at millisecond precision); ids and secret hashes are unique; {@code update} of an
 * unknown id fails with {@link NotFoundException}; a workspace's keys are listed newest first
 * (creation time, then id, both descending), revoked ones included; {@code touch} changes nothing
 * but {@code lastUsedAt} and ignores unknown keys; neither {@code touch} nor {@code update} ever
 * moves {@code lastUsedAt} backwards (a use recorded between a caller's read and its update stays);
 * {@code findExpiringUnwarned} finds exactly the keys {@link ApiKey#expiresSoon} names that were
 * not warned yet, in every workspace.
 */
public abstract class ApiKeyRepositoryContractTest {
  /** A point in time with whole milliseconds, as every store keeps them. */
  protected static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123Z");

  private ApiKeyRepository keys;

  /** A new repository with no keys in it; called before every test. */
  protected abstract ApiKeyRepository newRepository();

  @BeforeEach
  void setUpRepository() {
    keys = newRepository();
  }

  /** A fresh, never used key of {@code workspaceId} created at {@code createdAt}. */
  protected static ApiKey key(WorkspaceId workspaceId, Instant createdAt) {
    String secret = ApiKey.PREFIX + Identifiers.random(24);
    return new ApiKey(
        ApiKeyId.generate(),
        workspaceId,
        "Shop backend ร้านค้า",
        secret.substring(0, ApiKey.PREFIX.length() + 4),
        "sha256:" + Identifiers.random(32),
        ApiScope.WRITE,
        UserId.generate(),
        createdAt,
        createdAt.plus(ApiKey.DEFAULT_LIFETIME),
        null,
        null,
        null);
  }

  /** A key whose every optional field is set. */
  private static ApiKey everyFieldSet(WorkspaceId workspaceId, ApiScope scope) {
    ApiKey fresh = key(workspaceId, T0);
    return new ApiKey(
        fresh.id(),
        workspaceId,
        "CRM sync",
        fresh.hint(),
        fresh.secretHash(),
        scope,
        fresh.createdBy(),
        T0,
        T0.plusSeconds(86_400),
        T0.plusSeconds(60),
        T0.plusSeconds(120),
        ApiKeyId.generate(),
        T0.plusSeconds(180));
  }

  private static ApiKey withLastUsed(ApiKey key, Instant lastUsedAt) {
    return new ApiKey(
        key.id(),
        key.workspaceId(),
        key.name(),
        key.hint(),
        key.secretHash(),
        key.scope(),
        key.createdBy(),
        key.createdAt(),
        key.expiresAt(),
        lastUsedAt,
        key.revokedAt(),
        key.replacedBy(),
        key.expiryWarnedAt());
  }

  private static ApiKey withSecretHash(ApiKey key, String secretHash) {
    return new ApiKey(
        key.id(),
        key.workspaceId(),
        key.name(),
        key.hint(),
        secretHash,
        key.scope(),
        key.createdBy(),
        key.createdAt(),
        key.expiresAt(),
        key.lastUsedAt(),
        key.revokedAt(),
        key.replacedBy(),
        key.expiryWarnedAt());
  }

  private ApiKey stored(ApiKey key) {
    return keys.findById(key.id()).orElseThrow();
  }

  @Test
  void insertedKeyIsFoundByIdAndBySecretHashWithEveryFieldEqual() {
    ApiKey fresh = key(WorkspaceId.generate(), T0);

    keys.insert(fresh);

    assertEquals(Optional.of(fresh), keys.findById(fresh.id()));
    assertEquals(Optional.of(fresh), keys.findBySecretHash(fresh.secretHash()));
  }

  @Test
  void everyOptionalFieldAndEveryScopeRoundTrips() {
    for (ApiScope scope : ApiScope.values()) {
      ApiKey full = everyFieldSet(WorkspaceId.generate(), scope);

      keys.insert(full);

      assertEquals(Optional.of(full), keys.findById(full.id()));
      assertEquals(Optional.of(full), keys.findBySecretHash(full.secretHash()));
    }
  }

  @Test
  void absentKeysAreEmpty() {
    keys.insert(key(WorkspaceId.generate(), T0));

    assertTrue(keys.findById(ApiKeyId.generate()).isEmpty());
    assertTrue(keys.findBySecretHash("sha256:unknown").isEmpty());
    assertEquals(List.of(), keys.findByWorkspace(WorkspaceId.generate()));
  }

  @Test
  void duplicateIdIsAConflict() {
    ApiKey first = key(WorkspaceId.generate(), T0);
    keys.insert(first);

    assertThrows(
        ConflictException.class, () -> keys.insert(withSecretHash(first, "sha256:another")));
    assertEquals(first, stored(first));
    assertTrue(keys.findBySecretHash("sha256:another").isEmpty());
  }

  @Test
  void duplicateSecretHashIsAConflict() {
    ApiKey first = key(WorkspaceId.generate(), T0);
    keys.insert(first);
    ApiKey sameHash = withSecretHash(key(WorkspaceId.generate(), T0), first.secretHash());

    assertThrows(ConflictException.class, () -> keys.insert(sameHash));
    assertTrue(keys.findById(sameHash.id()).isEmpty());
    assertEquals(Optional.of(first), keys.findBySecretHash(first.secretHash()));
  }

  @Test
  void updateReplacesTheStoredKey() {
    ApiKey original = key(WorkspaceId.generate(), T0);
    keys.insert(original);
    ApiKey rotated =
        withLastUsed(original, T0.plusSeconds(30))
            .rotatedTo(ApiKeyId.generate(), T0.plusSeconds(60))
            .revoked(T0.plusSeconds(90));

    keys.update(rotated);

    assertEquals(rotated, stored(original));
    assertEquals(Optional.of(rotated), keys.findBySecretHash(original.secretHash()));
  }

  @Test
  void updateKeepsAUseRecordedSinceTheKeyWasRead() {
    ApiKey key = key(WorkspaceId.generate(), T0);
    keys.insert(key);
    ApiKey read = stored(key);
    keys.touch(key.id(), T0.plusSeconds(20));

    keys.update(read.revoked(T0.plusSeconds(30)));

    assertEquals(withLastUsed(key.revoked(T0.plusSeconds(30)), T0.plusSeconds(20)), stored(key));
  }

  @Test
  void updateOfAnUnknownKeyIsNotFound() {
    ApiKey never = key(WorkspaceId.generate(), T0);

    assertThrows(NotFoundException.class, () -> keys.update(never));
    assertTrue(keys.findById(never.id()).isEmpty());
  }

  @Test
  void updateToAnotherKeysSecretHashIsAConflict() {
    ApiKey first = key(WorkspaceId.generate(), T0);
    ApiKey second = key(WorkspaceId.generate(), T0);
    keys.insert(first);
    keys.insert(second);

    assertThrows(
        ConflictException.class, () -> keys.update(withSecretHash(second, first.secretHash())));
    assertEquals(second, stored(second));
  }

  @Test
  void findByWorkspaceListsItsKeysNewestFirstRevokedIncluded() {
    WorkspaceId workspace = WorkspaceId.generate();
    ApiKey oldest = key(workspace, T0.minusSeconds(3600));
    ApiKey tieA = key(workspace, T0.plusSeconds(60));
    ApiKey tieB = key(workspace, T0.plusSeconds(60));
    ApiKey revoked = key(workspace, T0).revoked(T0.plusSeconds(10));
    ApiKey elsewhere = key(WorkspaceId.generate(), T0);
    List.of(tieA, oldest, elsewhere, revoked, tieB).forEach(keys::insert);

    ApiKey tieFirst = tieA.id().value().compareTo(tieB.id().value()) > 0 ? tieA : tieB;
    ApiKey tieSecond = tieFirst == tieA ? tieB : tieA;
    assertEquals(List.of(tieFirst, tieSecond, revoked, oldest), keys.findByWorkspace(workspace));
  }

  @Test
  void touchChangesLastUsedAtOnly() {
    ApiKey full = everyFieldSet(WorkspaceId.generate(), ApiScope.ADMIN);
    ApiKey fresh = key(WorkspaceId.generate(), T0);
    keys.insert(full);
    keys.insert(fresh);

    keys.touch(full.id(), T0.plusSeconds(300).plusNanos(999_999));
    keys.touch(fresh.id(), T0.plusSeconds(400));

    assertEquals(withLastUsed(full, T0.plusSeconds(300)), stored(full));
    assertEquals(withLastUsed(fresh, T0.plusSeconds(400)), stored(fresh));
    assertEquals(
        Optional.of(withLastUsed(fresh, T0.plusSeconds(400))),
        keys.findBySecretHash(fresh.secretHash()));
  }

  @Test
  void touchNeverMovesLastUsedAtBackwards() {
    ApiKey key = key(WorkspaceId.generate(), T0);
    keys.insert(key);

    keys.touch(key.id(), T0.plusSeconds(20));
    keys.touch(key.id(), T0.plusSeconds(10));

    assertEquals(T0.plusSeconds(20), stored(key).lastUsedAt());
  }

  @Test
  void touchOfAnUnknownKeyDoesNothing() {
    ApiKey key = key(WorkspaceId.generate(), T0);
    keys.insert(key);

    keys.touch(ApiKeyId.generate(), T0.plusSeconds(10));

    assertEquals(key, stored(key));
    assertTrue(keys.findById(ApiKeyId.generate()).isEmpty());
  }

  @Test
  void instantsAreKeptToTheMillisecond() {
    ApiKey full = everyFieldSet(WorkspaceId.generate(), ApiScope.READ);
    ApiKey precise =
        new ApiKey(
            full.id(),
            full.workspaceId(),
            full.name(),
            full.hint(),
            full.secretHash(),
            full.scope(),
            full.createdBy(),
            T0.plusNanos(999_999),
            T0.plusSeconds(1).plusNanos(1),
            T0.plusSeconds(2).plusNanos(500_000),
            T0.plusSeconds(3).plusNanos(999),
            full.replacedBy(),
            T0.plusSeconds(4).plusNanos(1));

    keys.insert(precise);

    ApiKey found = stored(precise);
    assertEquals(T0, found.createdAt());
    assertEquals(T0.plusSeconds(1), found.expiresAt());
    assertEquals(T0.plusSeconds(2), found.lastUsedAt());
    assertEquals(T0.plusSeconds(3), found.revokedAt());
    assertEquals(T0.plusSeconds(4), found.expiryWarnedAt());
  }

  @Test
  void findExpiringUnwarnedFindsActiveKeysInTheirLastWeekThatWereNotWarned() {
    Instant now = T0.plus(ApiKey.DEFAULT_LIFETIME).minus(ApiKey.EXPIRY_WARNING);
    ApiKey dueHere = key(WorkspaceId.generate(), T0);
    ApiKey dueElsewhere = key(WorkspaceId.generate(), T0.minusSeconds(3600));
    ApiKey notYet = key(WorkspaceId.generate(), T0.plusSeconds(1));
    ApiKey expired = key(WorkspaceId.generate(), now.minus(ApiKey.DEFAULT_LIFETIME));
    ApiKey warned = key(WorkspaceId.generate(), T0).warnedOfExpiry(now.minusSeconds(60));
    ApiKey revoked = key(WorkspaceId.generate(), T0).revoked(now.minusSeconds(60));
    ApiKey rotated = key(WorkspaceId.generate(), T0).rotatedTo(ApiKeyId.generate(), now);
    List.of(dueHere, dueElsewhere, notYet, expired, warned, revoked, rotated).forEach(keys::insert);

    List<ApiKey> found = keys.findExpiringUnwarned(now);

    assertEquals(2, found.size(), found.toString());
    assertTrue(found.containsAll(List.of(dueHere, dueElsewhere)), found.toString());
  }

  @Test
  void aWarnedKeyIsNotFoundAgain() {
    Instant now = T0.plus(ApiKey.DEFAULT_LIFETIME).minusSeconds(3600);
    ApiKey key = key(WorkspaceId.generate(), T0);
    keys.insert(key);

    keys.update(key.warnedOfExpiry(now));

    assertEquals(List.of(), keys.findExpiringUnwarned(now));
    assertEquals(now, stored(key).expiryWarnedAt());
  }
}
