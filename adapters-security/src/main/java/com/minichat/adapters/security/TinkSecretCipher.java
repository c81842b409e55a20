package com.minichat.adapters.security;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.Configuration;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig2026;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.minichat.application.port.out.security.SecretCipher;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SecretCipher} on a Google Tink AEAD keyset (AES-256-GCM).
 *
 * <p>The keyset is Tink's JSON format, held in configuration like any other secret (produce one
 * with {@link #generateKeysetJson()}). Every ciphertext starts with Tink's 5-byte prefix naming the
 * key that made it, so after a rotation ({@link #rotateKeysetJson(String)}: a new primary key, the
 * old keys kept) new values are encrypted with the new key while old values still decrypt. Remove
 * an old key only after everything it encrypted has been re-encrypted.
 *
 * <p>Output: standard Base64 of {@code prefix | 12-byte nonce | ciphertext | 16-byte tag}; the
 * nonce is random, so the same plaintext encrypts differently every time. The associated data (for
 * example {@code tenant|collection|field|id}) is authenticated but not stored: decrypting with any
 * other associated data fails.
 */
public final class TinkSecretCipher implements SecretCipher {
  private static final Logger LOG = LoggerFactory.getLogger(TinkSecretCipher.class);

  /**
   * Tink's fixed AEAD configuration (no global registry): parses, serialises, creates and runs AEAD
   * keys only.
   */
  private static final Configuration CONFIGURATION = AeadConfig2026.get();

  private final Aead aead;

  /**
   * Creates a cipher from a keyset.
   *
   * @param keysetJson a cleartext Tink AEAD keyset in Tink's JSON format, e.g. from {@link
   *     #generateKeysetJson()}
   * @throws IllegalArgumentException when the text is not such a keyset
   */
  public TinkSecretCipher(String keysetJson) {
    Objects.requireNonNull(keysetJson, "keysetJson");
    try {
      this.aead = parse(keysetJson).getPrimitive(CONFIGURATION, Aead.class);
    } catch (GeneralSecurityException | RuntimeException e) {
      // the message of a parse error may quote the keyset, so it is not passed on
      throw new IllegalArgumentException("not a valid Tink AEAD keyset (JSON)");
    }
  }

  /** A new keyset in Tink's JSON format holding one random AES-256-GCM key, which is primary. */
  public static String generateKeysetJson() {
    try {
      KeysetHandle handle =
          KeysetHandle.newBuilder()
              .setConfiguration(CONFIGURATION)
              .addEntry(
                  KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                      .withRandomId()
                      .makePrimary())
              .build();
      return TinkJsonProtoKeysetFormat.serializeKeyset(
          handle, CONFIGURATION, InsecureSecretKeyAccess.get());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate a Tink keyset", e);
    }
  }

  /**
   * The keyset with a new random AES-256-GCM key added as primary; the existing keys stay and keep
   * decrypting what they encrypted.
   *
   * @throws IllegalArgumentException when the text is not a Tink keyset
   */
  public static String rotateKeysetJson(String keysetJson) {
    Objects.requireNonNull(keysetJson, "keysetJson");
    KeysetHandle current;
    try {
      current = parse(keysetJson);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new IllegalArgumentException("not a valid Tink AEAD keyset (JSON)");
    }
    try {
      KeysetHandle rotated =
          KeysetHandle.newBuilder(current)
              .setConfiguration(CONFIGURATION)
              .addEntry(
                  KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                      .withRandomId()
                      .makePrimary())
              .build();
      return TinkJsonProtoKeysetFormat.serializeKeyset(
          rotated, CONFIGURATION, InsecureSecretKeyAccess.get());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot rotate the Tink keyset", e);
    }
  }

  @Override
  public String encrypt(String plaintext, String associatedData) {
    Objects.requireNonNull(plaintext, "plaintext");
    Objects.requireNonNull(associatedData, "associatedData");
    try {
      byte[] ciphertext =
          aead.encrypt(plaintext.getBytes(StandardCharsets.UTF_8), bytes(associatedData));
      return Base64.getEncoder().encodeToString(ciphertext);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("encryption failed", e);
    }
  }

  @Override
  public String decrypt(String ciphertext, String associatedData) {
    Objects.requireNonNull(ciphertext, "ciphertext");
    Objects.requireNonNull(associatedData, "associatedData");
    try {
      byte[] plaintext =
          aead.decrypt(Base64.getDecoder().decode(ciphertext), bytes(associatedData));
      return new String(plaintext, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      // tampered, truncated, not Base64, made with an unknown key or for other associated data
      LOG.debug("decryption failed reason={}", e.getClass().getSimpleName());
      throw new IllegalStateException("the encrypted value cannot be decrypted");
    }
  }

  private static KeysetHandle parse(String keysetJson) throws GeneralSecurityException {
    return TinkJsonProtoKeysetFormat.parseKeyset(
        keysetJson, CONFIGURATION, InsecureSecretKeyAccess.get());
  }

  private static byte[] bytes(String associatedData) {
    return associatedData.getBytes(StandardCharsets.UTF_8);
  }
}
