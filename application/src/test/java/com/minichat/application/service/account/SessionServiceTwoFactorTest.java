package com.minichat.application.service.account;

import static com.minichat.application.service.account.IdentityFixture.CLIENT;
import static com.minichat.application.service.account.IdentityFixture.EMAIL;
import static com.minichat.application.service.account.IdentityFixture.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.minichat.application.port.in.account.LoginOutcome;
import com.minichat.application.port.in.account.MfaChallenge;
import com.minichat.application.port.in.account.Session;
import com.minichat.application.service.account.IdentityFixture.TwoFactorOn;
import com.minichat.application.service.support.FakeOneTimePasswords;
import com.minichat.application.service.support.RecordingAccountMailer.Kind;
import com.minichat.domain.audit.AuditEvent;
import com.minichat.domain.audit.AuditEventType;
import com.minichat.domain.common.AuthenticationException;
import com.minichat.domain.user.User;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SessionServiceTwoFactorTest {
  private IdentityFixture fx;
  private User user;
  private TwoFactorOn twoFactor;

  @BeforeEach
  void setUp() {
    fx = new IdentityFixture();
    user = fx.existingUser();
    twoFactor = fx.enableTwoFactor(user);
  }

  private Session complete(String code) {
    return fx.sessions.completeTwoFactor(fx.challenge().mfaToken(), code, CLIENT);
  }

  private AuthenticationException refused(String code) {
    String mfaToken = fx.challenge().mfaToken();
    return assertThrows(
        AuthenticationException.class, () -> fx.sessions.completeTwoFactor(mfaToken, code, CLIENT));
  }

  private String wrongCode() {
    return FakeOneTimePasswords.wrongCodeAt(twoFactor.secret(), fx.clock.peek());
  }

  @Test
  void theRightPasswordGivesAChallengeNotASession() {
    int tokensBefore = fx.refreshTokens.all().size();
    int auditsBefore = fx.auditLog.all().size();

    LoginOutcome outcome = fx.attemptLogIn(EMAIL, PASSWORD);

    MfaChallenge challenge = assertInstanceOf(MfaChallenge.class, outcome);
    assertEquals(user.id(), fx.tokens.verifyMfaToken(challenge.mfaToken()));
    assertEquals(tokensBefore, fx.refreshTokens.all().size());
    assertEquals(auditsBefore, fx.auditLog.all().size(), "sign-in is not complete yet");
  }

  @Test
  void aWrongPasswordOfATwoFactorUserIsRefusedAsUsual() {
    assertThrows(AuthenticationException.class, () -> fx.attemptLogIn(EMAIL, "Wrong-Horse-9"));
  }

  @Test
  void theCurrentCodeCompletesTheSignIn() {
    Session session = complete(fx.codeNow(twoFactor.secret()));

    assertEquals(user.id(), session.user().id());
    assertEquals(
        session.user().sessionVersion(),
        fx.tokens.verifyAccessToken(session.accessToken()).sessionVersion());
    assertEquals(session.user().id(), fx.sessions.authenticate(session.accessToken()).id());
    AuditEvent last = fx.auditLog.all().getLast();
    assertEquals(AuditEventType.LOGIN_SUCCEEDED, last.type());
    assertEquals("password and 2FA", last.detail());
  }

  @Test
  void aCodeWorksOnlyOnce() {
    String code = fx.codeNow(twoFactor.secret());
    complete(code);

    AuthenticationException replay = refused(code);

    assertEquals("The code is wrong or was already used", replay.getMessage());
    assertEquals(
        AuditEventType.TWO_FACTOR_FAILED,
        fx.audits(AuditEventType.TWO_FACTOR_FAILED).getFirst().type());
  }

  @Test
  void theCodeThatTurnedTwoFactorOnCannotSignIn() {
    fx.clock.advance(Duration.ofSeconds(-FakeOneTimePasswords.STEP_SECONDS));
    String activationCode = fx.codeNow(twoFactor.secret());
    fx.clock.advance(Duration.ofSeconds(FakeOneTimePasswords.STEP_SECONDS));

    refused(activationCode);
  }

  @Test
  void codesOfTheStepBeforeOrAfterAreAccepted() {
    fx.clock.advance(Duration.ofMinutes(5));
    long now = FakeOneTimePasswords.stepOf(fx.clock.peek());

    complete(FakeOneTimePasswords.codeFor(twoFactor.secret(), now - 1));
    fx.clock.advance(Duration.ofMinutes(5));
    long later = FakeOneTimePasswords.stepOf(fx.clock.peek());
    complete(FakeOneTimePasswords.codeFor(twoFactor.secret(), later + 1));

    assertEquals(later + 1, fx.reload(user).twoFactor().lastUsedStep());
  }

  @Test
  void codesTwoStepsAwayAreRefused() {
    fx.clock.advance(Duration.ofMinutes(5));
    long now = FakeOneTimePasswords.stepOf(fx.clock.peek());

    refused(FakeOneTimePasswords.codeFor(twoFactor.secret(), now - 2));
    refused(FakeOneTimePasswords.codeFor(twoFactor.secret(), now + 2));
  }

  @Test
  void aRecoveryCodeWorksOnceAndIsAudited() {
    String recovery = twoFactor.recoveryCodes().getFirst();

    Session session = complete(recovery.toLowerCase(Locale.ROOT));

    assertEquals(user.id(), session.user().id());
    assertEquals(9, fx.reload(user).twoFactor().recoveryCodeHashes().size());
    AuditEvent used = fx.audits(AuditEventType.RECOVERY_CODE_USED).getFirst();
    assertEquals("9 recovery codes left", used.detail());
    refused(recovery);
    complete(twoFactor.recoveryCodes().get(1));
    assertEquals(8, fx.reload(user).twoFactor().recoveryCodeHashes().size());
  }

  @Test
  void aTotpCodeIsNoRecoveryCode() {
    complete(fx.codeNow(twoFactor.secret()));

    assertEquals(List.of(), fx.audits(AuditEventType.RECOVERY_CODE_USED));
    assertEquals(10, fx.reload(user).twoFactor().recoveryCodeHashes().size());
  }

  @Test
  void aWrongCodeIsCountedAsAFailedSignIn() {
    refused(wrongCode());

    User stored = fx.reload(user);
    assertEquals(1, stored.failedLogins());
    assertEquals(1, fx.audits(AuditEventType.TWO_FACTOR_FAILED).size());
    assertEquals("wrong 2FA code", fx.audits(AuditEventType.LOGIN_FAILED).getLast().detail());
  }

  @Test
  void fiveWrongCodesLockTheAccount() {
    MfaChallenge challenge = fx.challenge();
    for (int i = 0; i < 5; i++) {
      String code = wrongCode();
      assertThrows(
          AuthenticationException.class,
          () -> fx.sessions.completeTwoFactor(challenge.mfaToken(), code, CLIENT));
    }

    assertTrue(fx.reload(user).isLocked(fx.clock.peek()));
    assertEquals(1, fx.mailer.sent(Kind.ACCOUNT_LOCKED).size());
    assertEquals(1, fx.audits(AuditEventType.ACCOUNT_LOCKED).size());
    String rightCode = fx.codeNow(twoFactor.secret());
    AuthenticationException locked =
        assertThrows(
            AuthenticationException.class,
            () -> fx.sessions.completeTwoFactor(challenge.mfaToken(), rightCode, CLIENT));
    assertEquals("E-mail or password is wrong", locked.getMessage());
    assertThrows(AuthenticationException.class, fx::challenge);
  }

  /**
   * Whoever knows the password must not be able to guess 2FA codes without end by signing in with
   * the password again after every few wrong codes: the password step alone is no successful
   * sign-in, so it must not forget the failed codes.
   */
  @Test
  void signingInAgainWithThePasswordDoesNotForgiveWrongCodes() {
    for (int round = 0; round < 3 && !fx.reload(user).isLocked(fx.clock.peek()); round++) {
      MfaChallenge challenge = fx.challenge();
      for (int i = 0; i < 4; i++) {
        String code = wrongCode();
        assertThrows(
            AuthenticationException.class,
            () -> fx.sessions.completeTwoFactor(challenge.mfaToken(), code, CLIENT));
      }
    }

    assertTrue(
        fx.reload(user).isLocked(fx.clock.peek()),
        "12 consecutive wrong 2FA codes, yet the account is not locked");
  }

  @Test
  void aSuccessfulSecondStepResetsTheFailures() {
    refused(wrongCode());
    refused(wrongCode());

    complete(fx.codeNow(twoFactor.secret()));

    assertEquals(0, fx.reload(user).failedLogins());
  }

  @Test
  void anInvalidMfaTokenIsRefused() {
    String code = fx.codeNow(twoFactor.secret());

    assertThrows(
        AuthenticationException.class, () -> fx.sessions.completeTwoFactor("forged", code, CLIENT));
    assertThrows(
        AuthenticationException.class, () -> fx.sessions.completeTwoFactor(null, code, CLIENT));
    assertFalse(fx.reload(user).failedLogins() > 0, "no account is known to count against");
  }

  @Test
  void anAccessTokenIsNoMfaToken() {
    String code = fx.codeNow(twoFactor.secret());
    String accessToken = twoFactor.session().accessToken();

    assertThrows(
        AuthenticationException.class,
        () -> fx.sessions.completeTwoFactor(accessToken, code, CLIENT));
  }
}
