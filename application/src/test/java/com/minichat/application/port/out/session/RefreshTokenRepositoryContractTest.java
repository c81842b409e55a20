package com.minichat.application.port.out.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.minichat.application.port.out.Race;
import com.minichat.domain.common.ConflictException;
import com.minichat.domain.common.Identifiers;
import com.minichat.domain.session.RefreshToken;
import com.minichat.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Behaviour every {@link RefreshTokenRepository} must show. Extend it and return a fresh, empty
 * repository from {@link #newRepository()}. Time is passed explicitly. Ids and token hashes are
 * unique; a token is marked used at most once; revoking keeps the time of the first revocation;
 * {@code findActiveOfUser} lists the unused, unrevoked, unexpired tokens ({@code now < expiresAt})
 * newest first (creation time, then id, both descending).
 */
public abstract class RefreshTokenRepositoryContractTest {
  /** A point in time with whole milliseconds, as every store keeps them. */
  protected static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123Z");

  /** Lifetime of the tokens made by {@link #token}. */
  protected static final Duration LIFETIME = Duration.ofDays(30);

  private RefreshTokenRepository tokens;

  /** A new repository with no tokens in it; called before every test. */
  protected abstract RefreshTokenRepository newRepository();

  @BeforeEach
  void setUpRepository() {
    tokens = newRepository();
  }

  /** A current (unused, unrevoked) token of {@code familyId} created at {@code createdAt}. */
  protected static RefreshToken token(UserId userId, String familyId, Instant createdAt) {
    return new RefreshToken(
        Identifiers.random(12),
        familyId,
        userId,
        "sha256:" + Identifiers.random(32),
        createdAt,
        createdAt.plus(LIFETIME),
        null,
        null);
  }

  private static String family() {
    return Identifiers.random(12);
  }

  private static RefreshToken with(RefreshToken token, Instant usedAt, Instant revokedAt) {
    return new RefreshToken(
        token.id(),
        token.familyId(),
        token.userId(),
        token.tokenHash(),
        token.createdAt(),
        token.expiresAt(),
        usedAt,
        revokedAt);
  }

  private RefreshToken stored(RefreshToken token) {
    return tokens.findByHash(token.tokenHash()).orElseThrow();
  }

  @Test
  void insertedTokenIsFoundByHashWithEveryFieldEqual() {
    RefreshToken token = token(UserId.generate(), family(), T0);

    tokens.insert(token);

    assertEquals(Optional.of(token), tokens.findByHash(token.tokenHash()));
  }

  @Test
  void usedAndRevokedTimesRoundTrip() {
    RefreshToken token =
        with(token(UserId.generate(), family(), T0), T0.plusSeconds(5), T0.plusSeconds(9));

    tokens.insert(token);

    assertEquals(Optional.of(token), tokens.findByHash(token.tokenHash()));
  }

  @Test
  void anUnknownHashIsEmpty() {
    tokens.insert(token(UserId.generate(), family(), T0));

    assertTrue(tokens.findByHash("sha256:unknown").isEmpty());
  }

  @Test
  void instantsAreKeptToTheMillisecond() {
    RefreshToken precise =
        with(
            token(UserId.generate(), family(), T0.plusNanos(999_999)),
            T0.plusSeconds(1).plusNanos(1),
            T0.plusSeconds(2).plusNanos(500_000));

    tokens.insert(precise);

    RefreshToken found = stored(precise);
    assertEquals(T0, found.createdAt());
    assertEquals(T0.plus(LIFETIME), found.expiresAt());
    assertEquals(T0.plusSeconds(1), found.usedAt());
    assertEquals(T0.plusSeconds(2), found.revokedAt());
  }

  @Test
  void duplicateHashIsAConflict() {
    RefreshToken first = token(UserId.generate(), family(), T0);
    tokens.insert(first);
    RefreshToken sameHash =
        new RefreshToken(
            Identifiers.random(12),
            family(),
            UserId.generate(),
            first.tokenHash(),
            T0,
            T0.plusSeconds(60),
            null,
            null);

    assertThrows(ConflictException.class, () -> tokens.insert(sameHash));
    assertEquals(first, stored(first));
  }

  @Test
  void duplicateIdIsAConflict() {
    RefreshToken first = token(UserId.generate(), family(), T0);
    tokens.insert(first);
    RefreshToken sameId =
        new RefreshToken(
            first.id(),
            first.familyId(),
            first.userId(),
            "sha256:another",
            T0,
            T0.plusSeconds(60),
            null,
            null);

    assertThrows(ConflictException.class, () -> tokens.insert(sameId));
    assertTrue(tokens.findByHash("sha256:another").isEmpty());
  }

  @Test
  void markUsedSucceedsOnceOnly() {
    RefreshToken token = token(UserId.generate(), family(), T0);
    tokens.insert(token);

    assertTrue(tokens.markUsed(token.id(), T0.plusSeconds(10)));
    assertFalse(tokens.markUsed(token.id(), T0.plusSeconds(11)));

    assertEquals(with(token, T0.plusSeconds(10), null), stored(token));
  }

  @Test
  void markUsedKeepsTheTimeToTheMillisecond() {
    RefreshToken token = token(UserId.generate(), family(), T0);
    tokens.insert(token);

    assertTrue(tokens.markUsed(token.id(), T0.plusSeconds(10).plusNanos(999_999)));

    assertEquals(T0.plusSeconds(10), stored(token).usedAt());
  }

  @Test
  void markUsedOfARevokedOrUnknownTokenFails() {
    RefreshToken token = token(UserId.generate(), family(), T0);
    tokens.insert(token);
    tokens.revokeFamily(token.familyId(), T0.plusSeconds(5));

    assertFalse(tokens.markUsed(token.id(), T0.plusSeconds(10)));
    assertFalse(tokens.markUsed("no-such-id", T0.plusSeconds(10)));
    assertEquals(with(token, null, T0.plusSeconds(5)), stored(token));
  }

  @Test
  void eightConcurrentRefreshesOfOneTokenLetExactlyOneWin() throws Exception {
    RefreshToken token = token(UserId.generate(), family(), T0);
    tokens.insert(token);

    List<Boolean> outcomes = Race.run(8, () -> tokens.markUsed(token.id(), T0.plusSeconds(30)));

    assertEquals(1, outcomes.stream().filter(Boolean::booleanValue).count());
    assertEquals(T0.plusSeconds(30), stored(token).usedAt());
  }

  @Test
  void revokeFamilyRevokesEveryTokenOfThatFamilyOnly() {
    UserId user = UserId.generate();
    String family = family();
    RefreshToken used = with(token(user, family, T0), T0.plusSeconds(60), null);
    RefreshToken current = token(user, family, T0.plusSeconds(60));
    RefreshToken otherSession = token(user, family(), T0);
    List.of(used, current, otherSession).forEach(tokens::insert);

    tokens.revokeFamily(family, T0.plusSeconds(120));

    assertEquals(with(used, T0.plusSeconds(60), T0.plusSeconds(120)), stored(used));
    assertEquals(with(current, null, T0.plusSeconds(120)), stored(current));
    assertEquals(otherSession, stored(otherSession));
    assertEquals(List.of(otherSession), tokens.findActiveOfUser(user, T0.plusSeconds(180)));
  }

  @Test
  void revokingAgainKeepsTheFirstRevocationTime() {
    RefreshToken token = token(UserId.generate(), family(), T0);
    tokens.insert(token);

    tokens.revokeFamily(token.familyId(), T0.plusSeconds(10));
    tokens.revokeFamily(token.familyId(), T0.plusSeconds(20));
    tokens.revokeAllOfUser(token.userId(), null, T0.plusSeconds(30));

    assertEquals(T0.plusSeconds(10), stored(token).revokedAt());
  }

  @Test
  void revokeAllOfUserKeepsOneFamilyAndOtherUsers() {
    UserId user = UserId.generate();
    String kept = family();
    RefreshToken keptToken = token(user, kept, T0);
    RefreshToken first = token(user, family(), T0.plusSeconds(1));
    RefreshToken second = token(user, family(), T0.plusSeconds(2));
    RefreshToken stranger = token(UserId.generate(), family(), T0);
    List.of(keptToken, first, second, stranger).forEach(tokens::insert);

    tokens.revokeAllOfUser(user, kept, T0.plusSeconds(100));

    assertEquals(keptToken, stored(keptToken));
    assertEquals(with(first, null, T0.plusSeconds(100)), stored(first));
    assertEquals(with(second, null, T0.plusSeconds(100)), stored(second));
    assertEquals(stranger, stored(stranger));
    assertEquals(List.of(keptToken), tokens.findActiveOfUser(user, T0.plusSeconds(200)));
  }

  @Test
  void revokeAllOfUserWithoutAFamilyToKeepRevokesEverything() {
    UserId user = UserId.generate();
    RefreshToken first = token(user, family(), T0);
    RefreshToken second = token(user, family(), T0.plusSeconds(1));
    tokens.insert(first);
    tokens.insert(second);

    tokens.revokeAllOfUser(user, null, T0.plusSeconds(100));

    assertEquals(T0.plusSeconds(100), stored(first).revokedAt());
    assertEquals(T0.plusSeconds(100), stored(second).revokedAt());
    assertEquals(List.of(), tokens.findActiveOfUser(user, T0.plusSeconds(200)));
  }

  @Test
  void findActiveOfUserListsOnlyCurrentUnexpiredTokensNewestFirst() {
    UserId user = UserId.generate();
    String rotated = family();
    RefreshToken rotatedOld = with(token(user, rotated, T0), T0.plusSeconds(30), null);
    RefreshToken rotatedCurrent = token(user, rotated, T0.plusSeconds(30));
    RefreshToken revoked =
        with(token(user, family(), T0.plusSeconds(40)), null, T0.plusSeconds(50));
    RefreshToken expired =
        new RefreshToken(
            Identifiers.random(12),
            family(),
            user,
            "sha256:expired",
            T0,
            T0.plusSeconds(100),
            null,
            null);
    RefreshToken oldest = token(user, family(), T0.minusSeconds(3600));
    RefreshToken tieA = token(user, family(), T0.plusSeconds(60));
    RefreshToken tieB = token(user, family(), T0.plusSeconds(60));
    RefreshToken stranger = token(UserId.generate(), family(), T0);
    List.of(rotatedOld, rotatedCurrent, revoked, expired, oldest, tieA, tieB, stranger)
        .forEach(tokens::insert);

    List<RefreshToken> active = tokens.findActiveOfUser(user, T0.plusSeconds(100));

    RefreshToken tieFirst = tieA.id().compareTo(tieB.id()) > 0 ? tieA : tieB;
    RefreshToken tieSecond = tieFirst == tieA ? tieB : tieA;
    assertEquals(List.of(tieFirst, tieSecond, rotatedCurrent, oldest), active);
  }

  @Test
  void aTokenIsActiveUntilJustBeforeItExpires() {
    UserId user = UserId.generate();
    RefreshToken token = token(user, family(), T0);
    tokens.insert(token);

    assertEquals(List.of(token), tokens.findActiveOfUser(user, token.expiresAt().minusMillis(1)));
    assertEquals(List.of(), tokens.findActiveOfUser(user, token.expiresAt()));
    assertEquals(List.of(), tokens.findActiveOfUser(UserId.generate(), T0));
  }
}
