package com.minichat.application.service.account;

import static com.minichat.application.service.account.IdentityFixture.CLIENT;
import static com.minichat.application.service.account.IdentityFixture.EMAIL;
import static com.minichat.application.service.account.IdentityFixture.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.minichat.application.port.in.account.MfaChallenge;
import com.minichat.application.port.in.account.Session;
import com.minichat.application.port.in.account.TwoFactorActivation;
import com.minichat.application.port.in.account.TwoFactorSetup;
import com.minichat.application.service.account.IdentityFixture.TwoFactorOn;
import com.minichat.application.service.support.FakeOneTimePasswords;
import com.minichat.domain.audit.AuditEventType;
import com.minichat.domain.common.AuthenticationException;
import com.minichat.domain.common.ConflictException;
import com.minichat.domain.common.FieldViolation;
import com.minichat.domain.common.ValidationException;
import com.minichat.domain.user.TwoFactor;
import com.minichat.domain.user.User;
import com.minichat.domain.user.UserId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TwoFactorServiceTest {
  private static final FieldViolation WRONG_PASSWORD =
      new FieldViolation("password", "is not your current password");
  private static final FieldViolation WRONG_CODE =
      new FieldViolation("code", "is wrong or was already used");

  private IdentityFixture fx;
  private User user;

  @BeforeEach
  void setUp() {
    fx = new IdentityFixture();
    user = fx.existingUser();
  }

  private TwoFactorActivation verifyNow(TwoFactorSetup setup, String refreshToken) {
    return fx.twoFactor.verify(user.id(), fx.codeNow(setup.secret()), refreshToken, CLIENT);
  }

  private static List<FieldViolation> violations(Runnable action) {
    return assertThrows(ValidationException.class, action::run).violations();
  }

  // --- setup ---

  @Test
  void setupGivesTheSecretItsUriAndQrCode() {
    TwoFactorSetup setup = fx.twoFactor.setup(user.id());

    assertEquals(
        "otpauth://totp/MiniChat:" + EMAIL + "?secret=" + setup.secret() + "&issuer=MiniChat",
        setup.otpauthUri());
    assertTrue(setup.qrCode().startsWith("data:image/png;base64,"), setup.qrCode());
    assertEquals(
        setup.otpauthUri(),
        new String(
            Base64.getDecoder().decode(setup.qrCode().substring("data:image/png;base64,".length())),
            StandardCharsets.UTF_8));
  }

  @Test
  void setupStoresOnlyTheEncryptedSecretBoundToTheUser() {
    TwoFactorSetup setup = fx.twoFactor.setup(user.id());

    User stored = fx.reload(user);
    String encrypted = stored.twoFactor().encryptedSecret();
    assertNotNull(encrypted);
    assertFalse(encrypted.contains(setup.secret()), encrypted);
    assertEquals(setup.secret(), fx.cipher.decrypt(encrypted, "user|totp|" + user.id().value()));
    assertThrows(IllegalStateException.class, () -> fx.cipher.decrypt(encrypted, "user|totp|x"));
  }

  @Test
  void setupAloneDoesNotTurnTwoFactorOnNorEndSessions() {
    Session session = fx.logIn();

    fx.twoFactor.setup(user.id());

    User stored = fx.reload(user);
    assertFalse(stored.twoFactor().enabled());
    assertEquals(List.of(), stored.twoFactor().recoveryCodeHashes());
    assertEquals(user.sessionVersion(), stored.sessionVersion());
    assertEquals(user.id(), fx.sessions.authenticate(session.accessToken()).id());
    assertInstanceOf(Session.class, fx.attemptLogIn(EMAIL, PASSWORD));
  }

  @Test
  void aSecondSetupReplacesThePendingSecret() {
    TwoFactorSetup first = fx.twoFactor.setup(user.id());
    TwoFactorSetup second = fx.twoFactor.setup(user.id());

    assertNotEquals(first.secret(), second.secret());
    String oldCode = fx.codeNow(first.secret());
    assertThrows(
        ValidationException.class, () -> fx.twoFactor.verify(user.id(), oldCode, null, CLIENT));
    verifyNow(second, null);
  }

  @Test
  void setupWhenAlreadyOnIsAConflict() {
    fx.enableTwoFactor(user);
    String before = fx.reload(user).twoFactor().encryptedSecret();

    assertThrows(ConflictException.class, () -> fx.twoFactor.setup(user.id()));
    assertEquals(before, fx.reload(user).twoFactor().encryptedSecret());
  }

  @Test
  void anUnknownUserCannotSetUp() {
    assertThrows(AuthenticationException.class, () -> fx.twoFactor.setup(new UserId("gone")));
  }

  // --- verify ---

  @Test
  void verifyBeforeSetupIsAConflict() {
    ConflictException thrown =
        assertThrows(
            ConflictException.class, () -> fx.twoFactor.verify(user.id(), "123456", null, CLIENT));
    assertEquals("Start the setup first", thrown.getMessage());
  }

  @Test
  void aWrongCodeDoesNotTurnTwoFactorOn() {
    TwoFactorSetup setup = fx.twoFactor.setup(user.id());
    String wrong = FakeOneTimePasswords.wrongCodeAt(setup.secret(), fx.clock.peek());

    assertEquals(
        List.of(
            new FieldViolation("code", "is wrong; type the current 6-digit code from your app")),
        violations(() -> fx.twoFactor.verify(user.id(), wrong, null, CLIENT)));
    assertThrows(
        ValidationException.class, () -> fx.twoFactor.verify(user.id(), null, null, CLIENT));
    assertFalse(fx.reload(user).twoFactor().enabled());
    assertEquals(List.of(), fx.audits(AuditEventType.TWO_FACTOR_ENABLED));
  }

  @Test
  void verifyTurnsTwoFactorOnWithTenDistinctRecoveryCodesStoredHashed() {
    TwoFactorSetup setup = fx.twoFactor.setup(user.id());

    TwoFactorActivation activation = verifyNow(setup, null);

    List<String> codes = activation.recoveryCodes();
    assertEquals(TwoFactorService.RECOVERY_CODES, codes.size());
    assertEquals(10, new HashSet<>(codes).size());
    codes.forEach(code -> assertTrue(code.matches("[0-9A-F]{5}-[0-9A-F]{5}"), code));
    TwoFactor stored = fx.reload(user).twoFactor();
    assertTrue(stored.enabled());
    assertEquals(
        codes.stream().map(fx.codes::hashRecoveryCode).toList(), stored.recoveryCodeHashes());
    for (String code : codes) {
      assertFalse(stored.recoveryCodeHashes().contains(code));
      assertFalse(stored.recoveryCodeHashes().contains(code.replace("-", "")));
    }
    assertEquals(FakeOneTimePasswords.stepOf(fx.clock.peek()), stored.lastUsedStep());
    assertEquals(List.of(AuditEventType.TWO_FACTOR_ENABLED), fx.auditTypes());
  }

  @Test
  void verifyEndsOtherSessionsButKeepsTheCallers() {
    Session mine = fx.logIn();
    Session other = fx.logIn();
    TwoFactorSetup setup = fx.twoFactor.setup(user.id());

    Session renewed = verifyNow(setup, mine.refreshToken()).session();

    assertEquals(user.sessionVersion() + 1, fx.reload(user).sessionVersion());
    assertEquals(
        fx.stored(mine.refreshToken()).familyId(), fx.stored(renewed.refreshToken()).familyId());
    assertNull(fx.stored(renewed.refreshToken()).revokedAt());
    assertNotNull(fx.stored(other.refreshToken()).revokedAt());
    assertThrows(AuthenticationException.class, () -> fx.sessions.authenticate(mine.accessToken()));
    assertThrows(
        AuthenticationException.class, () -> fx.sessions.authenticate(other.accessToken()));
    assertEquals(user.id(), fx.sessions.authenticate(renewed.accessToken()).id());
  }

  @Test
  void afterVerifySignInAsksForACode() {
    fx.enableTwoFactor(user);

    assertInstanceOf(MfaChallenge.class, fx.attemptLogIn(EMAIL, PASSWORD));
  }

  @Test
  void verifyWhenAlreadyOnIsAConflict() {
    TwoFactorOn on = fx.enableTwoFactor(user);

    assertThrows(
        ConflictException.class,
        () -> fx.twoFactor.verify(user.id(), fx.codeNow(on.secret()), null, CLIENT));
  }

  // --- disable ---

  @Test
  void disableNeedsThePasswordAndACodeAndReportsBothWhenBothAreWrong() {
    TwoFactorOn on = fx.enableTwoFactor(user);
    String wrongCode = FakeOneTimePasswords.wrongCodeAt(on.secret(), fx.clock.peek());
    String rightCode = fx.codeNow(on.secret());

    assertEquals(
        List.of(WRONG_PASSWORD, WRONG_CODE),
        violations(
            () -> fx.twoFactor.disable(user.id(), "Wrong-Horse-9", wrongCode, null, CLIENT)));
    assertEquals(
        List.of(WRONG_PASSWORD),
        violations(
            () -> fx.twoFactor.disable(user.id(), "Wrong-Horse-9", rightCode, null, CLIENT)));
    assertEquals(
        List.of(WRONG_CODE),
        violations(() -> fx.twoFactor.disable(user.id(), PASSWORD, wrongCode, null, CLIENT)));
    assertEquals(
        List.of(WRONG_PASSWORD, WRONG_CODE),
        violations(() -> fx.twoFactor.disable(user.id(), null, null, null, CLIENT)));
    assertTrue(fx.reload(user).twoFactor().enabled());
    assertEquals(List.of(), fx.audits(AuditEventType.TWO_FACTOR_DISABLED));
  }

  @Test
  void disableTurnsTwoFactorOffAndEndsOtherSessions() {
    TwoFactorOn on = fx.enableTwoFactor(user);
    String keptFamily = fx.stored(on.session().refreshToken()).familyId();
    Session other =
        fx.sessions.completeTwoFactor(fx.challenge().mfaToken(), fx.codeNow(on.secret()), CLIENT);
    fx.clock.advance(Duration.ofMinutes(1));
    int versionBefore = fx.reload(user).sessionVersion();

    Session renewed =
        fx.twoFactor.disable(
            user.id(), PASSWORD, fx.codeNow(on.secret()), on.session().refreshToken(), CLIENT);

    User stored = fx.reload(user);
    assertEquals(TwoFactor.DISABLED, stored.twoFactor());
    assertEquals(versionBefore + 1, stored.sessionVersion());
    assertEquals(keptFamily, fx.stored(renewed.refreshToken()).familyId());
    assertNotNull(fx.stored(other.refreshToken()).revokedAt());
    assertEquals(AuditEventType.TWO_FACTOR_DISABLED, fx.auditLog.all().getLast().type());
    assertInstanceOf(Session.class, fx.attemptLogIn(EMAIL, PASSWORD));
  }

  @Test
  void disableAcceptsARecoveryCode() {
    TwoFactorOn on = fx.enableTwoFactor(user);

    fx.twoFactor.disable(user.id(), PASSWORD, on.recoveryCodes().get(3), null, CLIENT);

    assertFalse(fx.reload(user).twoFactor().enabled());
  }

  @Test
  void disableWhenOffIsAConflict() {
    assertThrows(
        ConflictException.class,
        () -> fx.twoFactor.disable(user.id(), PASSWORD, "123456", null, CLIENT));
  }
}
