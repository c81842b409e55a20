package com.minichat.application.service.account;

import static com.minichat.application.service.account.IdentityFixture.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.minichat.application.service.support.FakeOneTimePasswords;
import com.minichat.domain.user.TwoFactor;
import com.minichat.domain.user.User;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TwoFactorCodesTest {
  private static final String SECRET = "JBSWY3DPEHPK3PXP";
  private static final String RECOVERY = "ABCDE-12345";

  private IdentityFixture fx;
  private TwoFactorCodes codes;
  private User user;
  private long step;

  @BeforeEach
  void setUp() {
    fx = new IdentityFixture();
    codes = fx.codes;
    User plain = fx.existingUser();
    step = FakeOneTimePasswords.stepOf(T0);
    TwoFactor on =
        TwoFactor.pending(fx.cipher.encrypt(SECRET, TwoFactorCodes.associatedData(plain)))
            .activated(
                List.of(codes.hashRecoveryCode(RECOVERY), codes.hashRecoveryCode("ZZZZZ-99999")),
                step - 10);
    user = plain.withTwoFactor(on, true, T0);
  }

  private User with(TwoFactor state) {
    return user.withTwoFactor(state, false, T0);
  }

  @Test
  void theSecretIsBoundToItsUser() {
    assertEquals("user|totp|" + user.id().value(), TwoFactorCodes.associatedData(user));
    assertEquals(SECRET, codes.secretOf(user));

    User other = fx.existingUser("other@example.com", "Other-Pass-77");
    User copied = other.withTwoFactor(user.twoFactor(), true, T0);

    assertThrows(IllegalStateException.class, () -> codes.secretOf(copied));
  }

  @Test
  void theCurrentCodeIsAcceptedOnce() {
    String code = FakeOneTimePasswords.codeFor(SECRET, step);

    Optional<TwoFactor> accepted = codes.accept(user, code);

    assertEquals(Optional.of(user.twoFactor().usedStep(step)), accepted);
    assertEquals(Optional.empty(), codes.accept(with(accepted.orElseThrow()), code));
  }

  @Test
  void codesOfOneStepEitherSideAreAcceptedButNotFurther() {
    assertEquals(
        step - 1,
        codes
            .accept(user, FakeOneTimePasswords.codeFor(SECRET, step - 1))
            .orElseThrow()
            .lastUsedStep());
    assertEquals(
        step + 1,
        codes
            .accept(user, FakeOneTimePasswords.codeFor(SECRET, step + 1))
            .orElseThrow()
            .lastUsedStep());
    assertEquals(
        Optional.empty(), codes.accept(user, FakeOneTimePasswords.codeFor(SECRET, step - 2)));
    assertEquals(
        Optional.empty(), codes.accept(user, FakeOneTimePasswords.codeFor(SECRET, step + 2)));
  }

  @Test
  void anOlderCodeIsRefusedOnceALaterOneWasUsed() {
    User afterNext =
        with(codes.accept(user, FakeOneTimePasswords.codeFor(SECRET, step + 1)).orElseThrow());

    assertEquals(
        Optional.empty(), codes.accept(afterNext, FakeOneTimePasswords.codeFor(SECRET, step)));
  }

  @Test
  void surroundingSpacesAreIgnored() {
    assertTrue(
        codes.accept(user, " " + FakeOneTimePasswords.codeFor(SECRET, step) + " ").isPresent());
  }

  @Test
  void aWrongCodeIsRefused() {
    assertEquals(
        Optional.empty(), codes.accept(user, FakeOneTimePasswords.wrongCodeAt(SECRET, T0)));
  }

  @Test
  void aRecoveryCodeWorksOnceInAnySpelling() {
    Optional<TwoFactor> accepted = codes.accept(user, "abcde 12345");

    assertEquals(
        List.of(codes.hashRecoveryCode("ZZZZZ-99999")),
        accepted.orElseThrow().recoveryCodeHashes());
    assertEquals(user.twoFactor().lastUsedStep(), accepted.orElseThrow().lastUsedStep());
    assertEquals(Optional.empty(), codes.accept(with(accepted.orElseThrow()), RECOVERY));
  }

  @Test
  void recoveryCodesAreNormalisedBeforeHashing() {
    assertEquals(codes.hashRecoveryCode("ABCDE12345"), codes.hashRecoveryCode(" ab-cde 123-45 "));
    assertEquals(fx.secretHasher.hash("ABCDE12345"), codes.hashRecoveryCode(RECOVERY));
  }

  @Test
  void anUnknownRecoveryCodeIsRefused() {
    assertEquals(Optional.empty(), codes.accept(user, "QQQQQ-00000"));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   "})
  void noCodeIsRefused(String code) {
    assertEquals(Optional.empty(), codes.accept(user, code));
  }

  @Test
  void aUserWithoutASecretHasNoValidCode() {
    User without = with(TwoFactor.DISABLED);

    assertEquals(
        Optional.empty(), codes.accept(without, FakeOneTimePasswords.codeFor(SECRET, step)));
    assertEquals(Optional.empty(), codes.accept(without, RECOVERY));
  }
}
