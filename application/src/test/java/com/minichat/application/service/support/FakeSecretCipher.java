package com.minichat.application.service.support;

import com.minichat.application.port.out.security.SecretCipher;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A reversible {@link SecretCipher} whose ciphertext does not contain the plain text and which,
 * like authenticated encryption, refuses to decrypt with other associated data or after tampering.
 */
public final class FakeSecretCipher implements SecretCipher {
  private static final String PREFIX = "fake-cipher:";

  @Override
  public String encrypt(String plaintext, String associatedData) {
    return PREFIX
        + encode(associatedData)
        + ":"
        + encode(new StringBuilder(plaintext).reverse().toString());
  }

  @Override
  public String decrypt(String ciphertext, String associatedData) {
    if (ciphertext == null || !ciphertext.startsWith(PREFIX)) {
      throw new IllegalStateException("not a ciphertext of this cipher");
    }
    String[] parts = ciphertext.substring(PREFIX.length()).split(":", -1);
    if (parts.length != 2) {
      throw new IllegalStateException("tampered ciphertext");
    }
    if (!decode(parts[0]).equals(associatedData)) {
      throw new IllegalStateException("the ciphertext belongs elsewhere");
    }
    return new StringBuilder(decode(parts[1])).reverse().toString();
  }

  private static String encode(String text) {
    return Base64.getUrlEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(String text) {
    try {
      return new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("tampered ciphertext", e);
    }
  }
}
