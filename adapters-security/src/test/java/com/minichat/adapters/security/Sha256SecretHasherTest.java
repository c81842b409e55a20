package com.minichat.adapters.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Sha256SecretHasherTest {
  private final Sha256SecretHasher hasher = new Sha256SecretHasher();

  @Test
  void matchesTheKnownSha256Vectors() {
    // FIPS 180-2 examples and the empty string
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", hasher.hash("abc"));
    assertEquals(
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", hasher.hash(""));
    assertEquals(
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
        hasher.hash("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"));
  }

  @Test
  void hashesTheUtf8Bytes() {
    // SHA-256 of the UTF-8 bytes of "ä" (c3 a4); the decomposed form is a different secret
    assertEquals(
        "33e6d73fee82904c8d7afb78de1154d1e8dc2a0edb08120e63df5b9385c2d9cc", hasher.hash("\u00e4"));
    assertNotEquals(hasher.hash("\u00e4"), hasher.hash("a\u0308"));
  }

  @Test
  void isDeterministicLowerCaseHexOf64Characters() {
    String secret = "rt_3q2+7w8e9r0t1y2u3i4o5p6a7s8d9f0g";
    String hash = hasher.hash(secret);

    assertEquals(hash, hasher.hash(secret));
    assertEquals(64, hash.length());
    assertTrue(hash.matches("[0-9a-f]{64}"), hash);
    assertNotEquals(hash, hasher.hash(secret + "x"));
  }

  @Test
  void nullIsAProgrammingError() {
    assertThrows(NullPointerException.class, () -> hasher.hash(null));
  }
}
