package com.minichat.domain.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserTest {
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private static final Duration BASE_LOCK = Duration.ofMinutes(15);
  private static final int MAX_FAILURES = 5;

  private static User fresh() {
    return new User(
        new UserId("u1"), new Email("somchai@example.com"), "Somchai", "hash-0", T0, T0);
  }

  private static User failTimes(User user, int times, Instant at) {
    User current = user;
    for (int i = 0; i < times; i++) {
      current = current.afterFailedLogin(MAX_FAILURES, BASE_LOCK, at);
    }
    return current;
  }

  @Test
  void aNewUserIsUnverifiedUnlockedEnglishAndWithoutHistory() {
    User user = fresh();

    assertFalse(user.emailVerified());
    assertEquals(0, user.failedLogins());
    assertNull(user.lockedUntil());
    assertFalse(user.isLocked(T0));
    assertEquals(0, user.lockouts());
    assertEquals(List.of(), user.previousPasswordHashes());
    assertEquals(0, user.sessionVersion());
    assertEquals(TwoFactor.DISABLED, user.twoFactor());
    assertFalse(user.platformAdmin());
    assertEquals(Language.ENGLISH, user.language());
  }

  @Test
  void theLanguageIsNormalisedOnConstruction() {
    assertEquals(Language.THAI, fresh().withProfile("Somchai", "th-TH", T0).language());
    assertEquals(Language.ENGLISH, fresh().withProfile("Somchai", "de", T0).language());
    assertEquals(Language.ENGLISH, fresh().withProfile("Somchai", null, T0).language());
  }

  @Test
  void failuresBelowTheLimitOnlyCount() {
    User user = failTimes(fresh(), MAX_FAILURES - 1, T0);

    assertEquals(MAX_FAILURES - 1, user.failedLogins());
    assertNull(user.lockedUntil());
    assertFalse(user.isLocked(T0));
    assertEquals(0, user.lockouts());
  }

  @Test
  void theFifthFailureLocksForTheBaseDuration() {
    User user = failTimes(fresh(), MAX_FAILURES, T0);

    assertEquals(T0.plus(BASE_LOCK), user.lockedUntil());
    assertTrue(user.isLocked(T0));
    assertTrue(user.isLocked(T0.plus(BASE_LOCK).minusMillis(1)));
    assertFalse(user.isLocked(T0.plus(BASE_LOCK)), "the lock ends at lockedUntil");
    assertEquals(1, user.lockouts());
    assertEquals(0, user.failedLogins(), "the count starts again after a lock");
  }

  @Test
  void eachLaterLockLastsTwiceAsLong() {
    User first = failTimes(fresh(), MAX_FAILURES, T0);
    Instant later = T0.plus(Duration.ofHours(1));
    User second = failTimes(first, MAX_FAILURES, later);
    Instant evenLater = later.plus(Duration.ofHours(1));
    User third = failTimes(second, MAX_FAILURES, evenLater);

    assertEquals(later.plus(Duration.ofMinutes(30)), second.lockedUntil());
    assertEquals(2, second.lockouts());
    assertEquals(evenLater.plus(Duration.ofMinutes(60)), third.lockedUntil());
    assertEquals(3, third.lockouts());
  }

  @Test
  void theLockLengthStopsGrowingAfterSixDoublings() {
    User user = fresh();
    Instant at = T0;
    for (int lock = 0; lock < 10; lock++) {
      at = at.plus(Duration.ofDays(1));
      user = failTimes(user, MAX_FAILURES, at);
    }

    assertEquals(10, user.lockouts());
    assertEquals(at.plus(BASE_LOCK.multipliedBy(64)), user.lockedUntil());
  }

  @Test
  void aSuccessfulLoginForgetsFailuresAndLiftsTheLockButKeepsTheLockoutCount() {
    User locked = failTimes(fresh(), MAX_FAILURES, T0);
    User afterFailures = failTimes(locked, 2, T0);
    Instant later = T0.plus(Duration.ofMinutes(1));

    User signedIn = afterFailures.afterSuccessfulLogin(later);

    assertEquals(0, signedIn.failedLogins());
    assertNull(signedIn.lockedUntil());
    assertFalse(signedIn.isLocked(later));
    assertEquals(1, signedIn.lockouts());
    assertEquals(later, signedIn.updatedAt());
    assertEquals(locked.sessionVersion(), signedIn.sessionVersion());
  }

  @Test
  void unlockedLiftsTheLock() {
    User locked = failTimes(fresh(), MAX_FAILURES, T0);

    User unlocked = locked.unlocked(T0);

    assertFalse(unlocked.isLocked(T0));
    assertEquals(0, unlocked.failedLogins());
  }

  @Test
  void aNewPasswordJoinsTheHistoryNewestFirstAndEndsSessions() {
    User user = fresh().withPassword("hash-1", T0).withPassword("hash-2", T0);

    assertEquals("hash-2", user.passwordHash());
    assertEquals(List.of("hash-1", "hash-0"), user.previousPasswordHashes());
    assertEquals(2, user.sessionVersion());
  }

  @Test
  void theHistoryKeepsOnlyTheLastFourPreviousHashes() {
    User user = fresh();
    for (int i = 1; i <= 6; i++) {
      user = user.withPassword("hash-" + i, T0);
    }

    assertEquals(User.PASSWORD_HISTORY, user.previousPasswordHashes().size());
    assertEquals(List.of("hash-5", "hash-4", "hash-3", "hash-2"), user.previousPasswordHashes());
    assertEquals("hash-6", user.passwordHash());
    assertEquals(6, user.sessionVersion());
  }

  @Test
  void aNewPasswordAlsoLiftsALock() {
    User locked = failTimes(fresh(), MAX_FAILURES, T0);

    User reset = locked.withPassword("hash-1", T0);

    assertFalse(reset.isLocked(T0));
    assertEquals(0, reset.failedLogins());
  }

  @Test
  void rehashingKeepsHistoryAndSessions() {
    User user = fresh().withPassword("hash-1", T0);

    User rehashed = user.rehashed("hash-1-stronger", T0.plusSeconds(1));

    assertEquals("hash-1-stronger", rehashed.passwordHash());
    assertEquals(user.previousPasswordHashes(), rehashed.previousPasswordHashes());
    assertEquals(user.sessionVersion(), rehashed.sessionVersion());
  }

  @Test
  void changingTwoFactorEndsSessionsOnlyWhenAsked() {
    User user = fresh();
    TwoFactor pending = TwoFactor.pending("encrypted");

    User quiet = user.withTwoFactor(pending, false, T0);
    User ending = user.withTwoFactor(pending, true, T0);

    assertEquals(pending, quiet.twoFactor());
    assertEquals(0, quiet.sessionVersion());
    assertEquals(1, ending.sessionVersion());
  }

  @Test
  void endingSessionsRaisesTheSessionVersionAndKeepsTwoFactor() {
    TwoFactor on = TwoFactor.pending("encrypted").activated(List.of("c1"), 7);
    User user = fresh().withTwoFactor(on, false, T0);

    User ended = user.withSessionsEnded(T0.plusSeconds(5)).withSessionsEnded(T0.plusSeconds(6));

    assertEquals(2, ended.sessionVersion());
    assertEquals(on, ended.twoFactor());
    assertEquals(T0.plusSeconds(6), ended.updatedAt());
  }

  @Test
  void verifiedAndPlatformAdminChangeOnlyTheirFlag() {
    User user = fresh();

    User verified = user.verified(T0);
    User admin = user.withPlatformAdmin(true, T0);

    assertTrue(verified.emailVerified());
    assertEquals(user.sessionVersion(), verified.sessionVersion());
    assertTrue(admin.platformAdmin());
    assertFalse(admin.emailVerified());
  }

  @Test
  void twoFactorStateTransitions() {
    TwoFactor pending = TwoFactor.pending("secret");
    TwoFactor on = pending.activated(List.of("a", "b"), 10);

    assertFalse(pending.enabled());
    assertTrue(on.enabled());
    assertEquals("secret", on.encryptedSecret());
    assertEquals(10, on.lastUsedStep());
    assertEquals(11, on.usedStep(11).lastUsedStep());
    assertEquals(List.of("b"), on.withoutRecoveryCode("a").recoveryCodeHashes());
    assertEquals(List.of("a", "b"), on.withoutRecoveryCode("zzz").recoveryCodeHashes());
  }
}
