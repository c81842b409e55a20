package com.minichat.application.service.account;

import com.minichat.application.port.out.security.OneTimePasswords;
import com.minichat.application.port.out.security.SecretCipher;
import com.minichat.application.port.out.security.SecretHasher;
import com.minichat.domain.user.TwoFactor;
import com.minichat.domain.user.User;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/** Checks second-factor codes: a TOTP code (once only) or a single-use recovery code. */
public final class TwoFactorCodes {
  private final OneTimePasswords otp;
  private final SecretCipher cipher;
  private final SecretHasher hasher;
  private final Clock clock;

  public TwoFactorCodes(
      OneTimePasswords otp, SecretCipher cipher, SecretHasher hasher, Clock clock) {
    this.otp = otp;
    this.cipher = cipher;
    this.hasher = hasher;
    this.clock = clock;
  }

  /** Associated data binding a TOTP secret to its user. */
  static String associatedData(User user) {
    return "user|totp|" + user.id().value();
  }

  /** The decrypted TOTP secret of a user who has one. */
  String secretOf(User user) {
    return cipher.decrypt(user.twoFactor().encryptedSecret(), associatedData(user));
  }

  /** Normalised form of a recovery code as typed (case, spaces and dashes ignored). */
  String hashRecoveryCode(String code) {
    return hasher.hash(code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT));
  }

  /**
   * The user's second-factor state after accepting {@code code}, or empty when the code is wrong or
   * already used.
   */
  public Optional<TwoFactor> accept(User user, String code) {
    TwoFactor state = user.twoFactor();
    if (code == null || code.isBlank() || state.encryptedSecret() == null) {
      return Optional.empty();
    }
    String typed = code.strip();
    if (typed.matches("\\d{" + OneTimePasswords.DIGITS + "}")) {
      OptionalLong step =
          otp.matchingStep(secretOf(user), typed, clock.instant(), state.lastUsedStep());
      return step.isPresent() ? Optional.of(state.usedStep(step.getAsLong())) : Optional.empty();
    }
    String hash = hashRecoveryCode(typed);
    return state.recoveryCodeHashes().contains(hash)
        ? Optional.of(state.withoutRecoveryCode(hash))
        : Optional.empty();
  }
}
