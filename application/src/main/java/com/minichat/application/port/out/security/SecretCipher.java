package com.minichat.application.port.out.security;

/**
 * Encrypts secrets at rest (TOTP secrets, provider keys…) with authenticated encryption. The
 * associated data binds a ciphertext to where it belongs (e.g. {@code user|totp|<id>}), so a value
 * copied to another record does not decrypt.
 */
public interface SecretCipher {
  String encrypt(String plaintext, String associatedData);

  /**
   * @throws IllegalStateException when the ciphertext was tampered with or belongs elsewhere
   */
  String decrypt(String ciphertext, String associatedData);
}
