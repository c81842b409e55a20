package com.minichat.application.service.account;

import static com.minichat.application.service.account.IdentityFixture.BASE_URL;
import static com.minichat.application.service.account.IdentityFixture.CLIENT;
import static com.minichat.application.service.account.IdentityFixture.EMAIL;
import static com.minichat.application.service.account.IdentityFixture.PASSWORD;
import static com.minichat.application.service.account.IdentityFixture.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.minichat.application.port.in.account.Session;
import com.minichat.application.port.out.security.AccessClaims;
import com.minichat.application.port.out.security.PasswordHasher;
import com.minichat.application.service.support.RecordingAccountMailer.Kind;
import com.minichat.application.service.support.RecordingAccountMailer.Mail;
import com.minichat.application.service.support.ScriptedRateLimiter;
import com.minichat.domain.audit.AuditEvent;
import com.minichat.domain.audit.AuditEventType;
import com.minichat.domain.common.AuthenticationException;
import com.minichat.domain.common.ErrorCode;
import com.minichat.domain.common.RateLimitedException;
import com.minichat.domain.common.ValidationException;
import com.minichat.domain.session.RefreshToken;
import com.minichat.domain.user.Email;
import com.minichat.domain.user.User;
import com.minichat.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SessionServiceLogInTest {
  private static final String WRONG = "Wrong-Horse-9";

  private IdentityFixture fx;
  private User user;

  @BeforeEach
  void setUp() {
    fx = new IdentityFixture();
    user = fx.existingUser();
  }

  private AuthenticationException refused(String email, String password) {
    return assertThrows(AuthenticationException.class, () -> fx.attemptLogIn(email, password));
  }

  private void failTimes(int times) {
    for (int i = 0; i < times; i++) {
      refused(EMAIL, WRONG);
    }
  }

  @Test
  void theRightPasswordStartsASession() {
    Session session = fx.logIn(" Somchai@EXAMPLE.com ", PASSWORD);

    assertEquals(user.id(), session.user().id());
    assertEquals(
        new AccessClaims(user.id(), user.sessionVersion()),
        fx.tokens.verifyAccessToken(session.accessToken()));
    assertEquals(T0.plus(Duration.ofDays(30)), session.refreshExpiresAt());
    assertEquals(List.of(AuditEventType.LOGIN_SUCCEEDED), fx.auditTypes());
    assertEquals(user.id(), fx.auditLog.all().getFirst().userId());
    assertEquals(CLIENT.ip(), fx.auditLog.all().getFirst().ip());
  }

  @Test
  void theRefreshTokenIsStoredOnlyAsItsHash() {
    Session session = fx.logIn();

    RefreshToken stored = fx.refreshTokens.all().getFirst();
    assertEquals(1, fx.refreshTokens.all().size());
    assertEquals(fx.secretHasher.hash(session.refreshToken()), stored.tokenHash());
    assertFalse(stored.tokenHash().contains(session.refreshToken()));
    assertFalse(stored.id().equals(session.refreshToken()));
    assertFalse(stored.familyId().equals(session.refreshToken()));
  }

  @Test
  void aPasswordTypedInAnotherUnicodeFormSignsIn() {
    Session session = fx.logIn(EMAIL, "Ｃｏｒｒｅｃｔ－Ｈｏｒｓｅ－９");

    assertEquals(user.id(), session.user().id());
  }

  @Test
  void wrongPasswordUnknownEmailAndLockedAccountAnswerAlike() {
    AuthenticationException wrongPassword = refused(EMAIL, WRONG);
    AuthenticationException unknownEmail = refused("nobody@example.com", PASSWORD);
    failTimes(4);
    AuthenticationException locked = refused(EMAIL, PASSWORD);

    assertEquals("E-mail or password is wrong", wrongPassword.getMessage());
    assertEquals(wrongPassword.getMessage(), unknownEmail.getMessage());
    assertEquals(wrongPassword.getMessage(), locked.getMessage());
    assertEquals(ErrorCode.AUTHENTICATION_FAILED, unknownEmail.code());
    assertEquals(ErrorCode.AUTHENTICATION_FAILED, locked.code());
  }

  @Test
  void anUnknownEmailStillCostsAHashCheck() {
    refused("nobody@example.com", "Some-Guess-1");

    assertEquals(List.of("Some-Guess-1"), fx.fakeHasher.checked());
    AuditEvent event = fx.auditLog.all().getFirst();
    assertEquals(AuditEventType.LOGIN_FAILED, event.type());
    assertNull(event.userId());
    assertEquals("unknown e-mail", event.detail());
  }

  @Test
  void aLockedAccountStillCostsAHashCheck() {
    failTimes(5);
    int before = fx.fakeHasher.checked().size();

    refused(EMAIL, PASSWORD);

    assertEquals(before + 1, fx.fakeHasher.checked().size());
  }

  @Test
  void aWrongPasswordIsCountedAndAudited() {
    refused(EMAIL, WRONG);

    assertEquals(1, fx.reload(user).failedLogins());
    AuditEvent event = fx.auditLog.all().getFirst();
    assertEquals(AuditEventType.LOGIN_FAILED, event.type());
    assertEquals(user.id(), event.userId());
    assertEquals("wrong password", event.detail());
    assertEquals(List.of(), fx.refreshTokens.all());
  }

  @Test
  void fourFailuresDoNotLock() {
    failTimes(4);

    User stored = fx.reload(user);
    assertEquals(4, stored.failedLogins());
    assertFalse(stored.isLocked(fx.clock.peek()));
    assertEquals(List.of(), fx.mailer.sent());
    fx.logIn();
  }

  @Test
  void theFifthFailureLocksForFifteenMinutesMailsAnUnlockLinkAndIsAudited() {
    failTimes(5);

    User stored = fx.reload(user);
    Instant until = T0.plus(Duration.ofMinutes(15));
    assertEquals(until, stored.lockedUntil());
    Mail mail = fx.mailer.last(Kind.ACCOUNT_LOCKED);
    assertEquals(1, fx.mailer.sent().size());
    assertEquals(user.id(), mail.user().id());
    assertEquals(until, mail.until());
    assertTrue(mail.link().startsWith(BASE_URL + "/unlock?token="), mail.link());
    List<AuditEvent> locks = fx.audits(AuditEventType.ACCOUNT_LOCKED);
    assertEquals(1, locks.size());
    assertEquals(user.id(), locks.getFirst().userId());
    assertEquals(5, fx.audits(AuditEventType.LOGIN_FAILED).size());
  }

  @Test
  void theRightPasswordIsRefusedWhileLockedAndAcceptedWhenTheLockEnds() {
    failTimes(5);

    fx.clock.advance(Duration.ofMinutes(15).minusSeconds(1));
    refused(EMAIL, PASSWORD);
    assertEquals("account locked", fx.auditLog.all().getLast().detail());
    assertEquals(List.of(), fx.refreshTokens.all());

    fx.clock.advance(Duration.ofSeconds(1));
    Session session = fx.logIn();
    assertEquals(user.id(), session.user().id());
    assertNull(fx.reload(user).lockedUntil());
  }

  @Test
  void failuresWhileLockedDoNotExtendTheLockOrMailAgain() {
    failTimes(5);
    failTimes(5);

    assertEquals(T0.plus(Duration.ofMinutes(15)), fx.reload(user).lockedUntil());
    assertEquals(1, fx.mailer.sent(Kind.ACCOUNT_LOCKED).size());
  }

  @Test
  void theSecondLockLastsThirtyMinutes() {
    failTimes(5);
    fx.clock.advance(Duration.ofMinutes(15));
    Instant second = fx.clock.peek();

    failTimes(5);

    assertEquals(second.plus(Duration.ofMinutes(30)), fx.reload(user).lockedUntil());
    assertEquals(second.plus(Duration.ofMinutes(30)), fx.mailer.last(Kind.ACCOUNT_LOCKED).until());
    fx.clock.advance(Duration.ofMinutes(29));
    refused(EMAIL, PASSWORD);
    fx.clock.advance(Duration.ofMinutes(1));
    fx.logIn();
  }

  @Test
  void theUnlockLinkLiftsTheLockOnce() {
    failTimes(5);
    String token = fx.mailer.last(Kind.ACCOUNT_LOCKED).token();

    fx.sessions.unlock(token, CLIENT);

    assertFalse(fx.reload(user).isLocked(fx.clock.peek()));
    assertEquals(AuditEventType.ACCOUNT_UNLOCKED, fx.auditLog.all().getLast().type());
    fx.logIn();
    assertThrows(ValidationException.class, () -> fx.sessions.unlock(token, CLIENT));
  }

  @Test
  void anUnlockLinkExpiresAfterOneDay() {
    failTimes(5);
    String token = fx.mailer.last(Kind.ACCOUNT_LOCKED).token();
    fx.clock.advance(Duration.ofHours(24));

    assertThrows(ValidationException.class, () -> fx.sessions.unlock(token, CLIENT));
  }

  @Test
  void aSuccessResetsTheFailures() {
    failTimes(4);
    fx.logIn();
    assertEquals(0, fx.reload(user).failedLogins());

    failTimes(4);

    assertFalse(fx.reload(user).isLocked(fx.clock.peek()));
    assertEquals(List.of(), fx.mailer.sent(Kind.ACCOUNT_LOCKED));
  }

  @Test
  void anOutdatedHashIsReplacedAtSignIn() {
    fx =
        new IdentityFixture(
            ScriptedRateLimiter.allowingEverything(),
            fake ->
                new PasswordHasher() {
                  @Override
                  public String hash(String password) {
                    return fake.hash(password);
                  }

                  @Override
                  public boolean matches(String password, String hash) {
                    return hash.equals("legacy:" + password) || fake.matches(password, hash);
                  }

                  @Override
                  public boolean needsRehash(String hash) {
                    return hash.startsWith("legacy:");
                  }
                });
    User legacy =
        new User(UserId.generate(), new Email(EMAIL), "Legacy", "legacy:" + PASSWORD, T0, T0);
    fx.users.insert(legacy);
    fx.clock.advance(Duration.ofMinutes(1));

    Session session = fx.logIn();

    User stored = fx.reload(legacy);
    assertEquals(fx.fakeHasher.hash(PASSWORD), stored.passwordHash());
    assertEquals(List.of(), stored.previousPasswordHashes(), "a rehash is no password change");
    assertEquals(0, stored.sessionVersion());
    assertEquals(stored, session.user());
    assertEquals(T0.plus(Duration.ofMinutes(1)), stored.updatedAt());
    fx.logIn();
  }

  @Test
  void aCurrentHashIsKept() {
    fx.logIn();

    assertEquals(user.passwordHash(), fx.reload(user).passwordHash());
  }

  @Test
  void aRefusedRateLimitStopsTheAttemptBeforeAnyCheck() {
    ScriptedRateLimiter limiter = ScriptedRateLimiter.refusingEverything(Duration.ofMinutes(3));
    fx = new IdentityFixture(limiter);
    fx.existingUser();

    RateLimitedException thrown =
        assertThrows(RateLimitedException.class, () -> fx.attemptLogIn(EMAIL, PASSWORD));

    assertEquals(Duration.ofMinutes(3), thrown.retryAfter());
    assertEquals(5, thrown.limit());
    assertEquals(
        List.of(new ScriptedRateLimiter.Request(fx.settings.login(), CLIENT.ip())),
        limiter.requests());
    assertEquals(List.of(), fx.fakeHasher.checked());
    assertEquals(List.of(), fx.auditLog.all());
    assertEquals(List.of(), fx.refreshTokens.all());
  }

  @Test
  void everySessionIsItsOwnFamily() {
    Session first = fx.logIn();
    Session second = fx.logIn();

    assertNotEquals(
        fx.stored(first.refreshToken()).familyId(), fx.stored(second.refreshToken()).familyId());
  }
}
