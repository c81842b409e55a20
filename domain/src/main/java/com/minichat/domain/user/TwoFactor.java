package com.minichat.domain.user;

import java.util.List;

/**
 * Time-based one-time-password state of an account.
 *
 * @param enabled whether sign-in asks for a code
 * @param encryptedSecret the TOTP secret, encrypted; present while setting up and once enabled
 * @param recoveryCodeHashes hashes of the unused single-use recovery codes
 * @param lastUsedStep the last accepted 30-second step; a code is never accepted twice
 */
public record TwoFactor(
    boolean enabled, String encryptedSecret, List<String> recoveryCodeHashes, long lastUsedStep) {

  /** No second factor. */
  public static final TwoFactor DISABLED = new TwoFactor(false, null, List.of(), -1);

  public TwoFactor {
    recoveryCodeHashes = recoveryCodeHashes == null ? List.of() : List.copyOf(recoveryCodeHashes);
  }

  /** Setup started: a secret exists but sign-in does not ask for codes yet. */
  public static TwoFactor pending(String encryptedSecret) {
    return new TwoFactor(false, encryptedSecret, List.of(), -1);
  }

  /** Activated with fresh recovery codes. */
  public TwoFactor activated(List<String> codeHashes, long step) {
    return new TwoFactor(true, encryptedSecret, codeHashes, step);
  }

  /** After a TOTP code of {@code step} was accepted. */
  public TwoFactor usedStep(long step) {
    return new TwoFactor(enabled, encryptedSecret, recoveryCodeHashes, step);
  }

  /** After the recovery code with {@code codeHash} was used up. */
  public TwoFactor withoutRecoveryCode(String codeHash) {
    return new TwoFactor(
        enabled,
        encryptedSecret,
        recoveryCodeHashes.stream().filter(hash -> !hash.equals(codeHash)).toList(),
        lastUsedStep);
  }
}
