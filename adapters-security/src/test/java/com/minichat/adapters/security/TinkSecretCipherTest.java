package com.minichat.adapters.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig2026;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TinkSecretCipherTest {
  private static final String KEYSET = TinkSecretCipher.generateKeysetJson();
  private static final String AD = "ws-1|users|totpSecret|user-1";
  private static final String SECRET = "JBSWY3DPEHPK3PXP";

  private final TinkSecretCipher cipher = new TinkSecretCipher(KEYSET);

  @Test
  void roundTrips() {
    String ciphertext = cipher.encrypt(SECRET, AD);

    assertEquals(SECRET, cipher.decrypt(ciphertext, AD));
  }

  @Test
  void roundTripsUnicodeAndEmptyValues() {
    assertEquals("รหัสลับ 🔑", cipher.decrypt(cipher.encrypt("รหัสลับ 🔑", AD), AD));
    assertEquals("", cipher.decrypt(cipher.encrypt("", AD), AD));
  }

  @Test
  void anotherInstanceWithTheSameKeysetDecrypts() {
    String ciphertext = cipher.encrypt(SECRET, AD);

    assertEquals(SECRET, new TinkSecretCipher(KEYSET).decrypt(ciphertext, AD));
  }

  @Test
  void outputIsBase64AndCarriesThePrimaryKeyId() throws GeneralSecurityException {
    byte[] raw = Base64.getDecoder().decode(cipher.encrypt(SECRET, AD));
    int primaryId = parse(KEYSET).getPrimary().getId();

    // Tink prefix: version byte 0x01, then the 4-byte big-endian key id
    assertEquals(1, raw[0]);
    assertEquals(primaryId, ByteBuffer.wrap(raw, 1, 4).getInt());
    // prefix + 12-byte nonce + ciphertext + 16-byte tag
    assertEquals(5 + 12 + SECRET.length() + 16, raw.length);
  }

  @Test
  void plaintextNeverAppearsInTheCiphertext() {
    String plaintext = "sk-live-abcdefghijklmnopqrstuvwxyz0123456789";
    String ciphertext = cipher.encrypt(plaintext, AD);
    byte[] raw = Base64.getDecoder().decode(ciphertext);
    byte[] plainBytes = plaintext.getBytes(StandardCharsets.UTF_8);

    assertFalse(ciphertext.contains(plaintext));
    assertFalse(ciphertext.contains(Base64.getEncoder().encodeToString(plainBytes)));
    assertFalse(contains(raw, plainBytes));
    assertFalse(contains(raw, Arrays.copyOf(plainBytes, 8)), "not even a prefix");
    assertFalse(ciphertext.contains(AD), "the associated data is not stored either");
  }

  @Test
  void samePlaintextEncryptsDifferentlyEveryTime() {
    assertNotEquals(cipher.encrypt(SECRET, AD), cipher.encrypt(SECRET, AD));
  }

  @Test
  void wrongAssociatedDataFails() {
    String ciphertext = cipher.encrypt(SECRET, AD);

    assertUndecryptable(() -> cipher.decrypt(ciphertext, "ws-1|users|totpSecret|user-2"));
    assertUndecryptable(() -> cipher.decrypt(ciphertext, "ws-2|users|totpSecret|user-1"));
    assertUndecryptable(() -> cipher.decrypt(ciphertext, ""));
  }

  @Test
  void everyTamperedByteFails() {
    byte[] raw = Base64.getDecoder().decode(cipher.encrypt(SECRET, AD));
    for (int i = 0; i < raw.length; i++) {
      byte[] tampered = raw.clone();
      tampered[i] ^= 0x01;
      String forged = Base64.getEncoder().encodeToString(tampered);

      assertUndecryptable(() -> cipher.decrypt(forged, AD));
    }
  }

  @Test
  void truncatedOrExtendedCiphertextFails() {
    byte[] raw = Base64.getDecoder().decode(cipher.encrypt(SECRET, AD));
    String truncated = Base64.getEncoder().encodeToString(Arrays.copyOf(raw, raw.length - 1));
    String extended = Base64.getEncoder().encodeToString(Arrays.copyOf(raw, raw.length + 1));

    assertUndecryptable(() -> cipher.decrypt(truncated, AD));
    assertUndecryptable(() -> cipher.decrypt(extended, AD));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "not base64!", "AAAA", "AQAAAAA="})
  void garbageFails(String ciphertext) {
    assertUndecryptable(() -> cipher.decrypt(ciphertext, AD));
  }

  @Test
  void anotherKeysetCannotDecrypt() {
    String ciphertext = cipher.encrypt(SECRET, AD);
    TinkSecretCipher stranger = new TinkSecretCipher(TinkSecretCipher.generateKeysetJson());

    assertUndecryptable(() -> stranger.decrypt(ciphertext, AD));
  }

  @Test
  void rotatedKeysetEncryptsWithTheNewKeyAndStillDecryptsOldValues()
      throws GeneralSecurityException {
    String old = cipher.encrypt(SECRET, AD);
    String rotatedJson = TinkSecretCipher.rotateKeysetJson(KEYSET);
    TinkSecretCipher rotated = new TinkSecretCipher(rotatedJson);
    String fresh = rotated.encrypt(SECRET, AD);

    KeysetHandle handle = parse(rotatedJson);
    assertEquals(2, handle.size());
    int oldId = parse(KEYSET).getPrimary().getId();
    int newId = handle.getPrimary().getId();
    assertNotEquals(oldId, newId);
    assertEquals(oldId, keyIdOf(old));
    assertEquals(newId, keyIdOf(fresh));

    assertEquals(SECRET, rotated.decrypt(old, AD));
    assertEquals(SECRET, rotated.decrypt(fresh, AD));
    // the old keyset does not know the new key
    assertUndecryptable(() -> cipher.decrypt(fresh, AD));
    // rotating twice keeps both older keys
    TinkSecretCipher twice = new TinkSecretCipher(TinkSecretCipher.rotateKeysetJson(rotatedJson));
    assertEquals(SECRET, twice.decrypt(old, AD));
    assertEquals(SECRET, twice.decrypt(fresh, AD));
  }

  @Test
  void generatedKeysetIsOneAes256GcmKeyInJson() throws GeneralSecurityException {
    KeysetHandle handle = parse(KEYSET);

    assertTrue(KEYSET.strip().startsWith("{"), KEYSET);
    assertTrue(KEYSET.contains("type.googleapis.com/google.crypto.tink.AesGcmKey"), KEYSET);
    assertEquals(1, handle.size());
    assertTrue(handle.getPrimary().isPrimary());
    assertEquals(PredefinedAeadParameters.AES256_GCM, handle.getPrimary().getKey().getParameters());
    assertNotEquals(KEYSET, TinkSecretCipher.generateKeysetJson());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "{}", "not json", "{\"primaryKeyId\":1,\"key\":[]}"})
  void invalidKeysetsAreRejectedWithoutEchoingThem(String keyset) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new TinkSecretCipher(keyset));
    assertEquals("not a valid Tink AEAD keyset (JSON)", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> TinkSecretCipher.rotateKeysetJson(keyset));
  }

  @Test
  void nullsAreProgrammingErrors() {
    assertThrows(NullPointerException.class, () -> cipher.encrypt(null, AD));
    assertThrows(NullPointerException.class, () -> cipher.encrypt(SECRET, null));
    assertThrows(NullPointerException.class, () -> cipher.decrypt(null, AD));
    assertThrows(NullPointerException.class, () -> cipher.decrypt("AAAA", null));
    assertThrows(NullPointerException.class, () -> new TinkSecretCipher(null));
  }

  private static KeysetHandle parse(String json) throws GeneralSecurityException {
    return TinkJsonProtoKeysetFormat.parseKeyset(
        json, AeadConfig2026.get(), InsecureSecretKeyAccess.get());
  }

  private static int keyIdOf(String ciphertext) {
    return ByteBuffer.wrap(Base64.getDecoder().decode(ciphertext), 1, 4).getInt();
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  private static void assertUndecryptable(Executable decryption) {
    IllegalStateException e = assertThrows(IllegalStateException.class, decryption);
    assertEquals("the encrypted value cannot be decrypted", e.getMessage());
  }
}
