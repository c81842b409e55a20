package com.minichat.adapters.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 6238 Appendix B test vectors, and the rules MiniChat adds on top. */
class TotpOneTimePasswordsTest {
  private final TotpOneTimePasswords totp = new TotpOneTimePasswords();

  private static final byte[] SHA1_SEED =
      "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SHA256_SEED =
      "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SHA512_SEED =
      ("1234567890".repeat(6) + "1234").getBytes(StandardCharsets.US_ASCII);

  @ParameterizedTest
  @CsvSource({
    "59, 94287082, 46119246, 90693936",
    "1111111109, 07081804, 68084774, 25091201",
    "1111111111, 14050471, 67062674, 99943326",
    "1234567890, 89005924, 91819424, 93441116",
    "2000000000, 69279037, 90698825, 38618901",
    "20000000000, 65353130, 77737706, 47863826"
  })
  void matchesTheRfcVectors(long seconds, String sha1, String sha256, String sha512) {
    long step = TotpOneTimePasswords.step(Instant.ofEpochSecond(seconds));

    assertEquals(sha1, TotpOneTimePasswords.code(SHA1_SEED, step, 8, "HmacSHA1"));
    assertEquals(sha256, TotpOneTimePasswords.code(SHA256_SEED, step, 8, "HmacSHA256"));
    assertEquals(sha512, TotpOneTimePasswords.code(SHA512_SEED, step, 8, "HmacSHA512"));
  }

  @Test
  void acceptsTheCurrentCodeAndOneStepEitherSide() {
    String secret = totp.newSecret();
    Instant now = Instant.parse("2026-11-26T10:00:15Z");
    long step = TotpOneTimePasswords.step(now);

    for (long offset = -1; offset <= 1; offset++) {
      Instant then = now.plusSeconds(offset * TotpOneTimePasswords.STEP_SECONDS);
      assertEquals(
          step + offset,
          totp.matchingStep(secret, TotpOneTimePasswords.code(secret, then), now, -1).getAsLong());
    }
    Instant tooOld = now.minusSeconds(2 * TotpOneTimePasswords.STEP_SECONDS);
    assertFalse(
        totp.matchingStep(secret, TotpOneTimePasswords.code(secret, tooOld), now, -1).isPresent());
  }

  @Test
  void aCodeIsAcceptedOnlyOnce() {
    String secret = totp.newSecret();
    Instant now = Instant.parse("2026-11-26T10:00:15Z");
    String code = TotpOneTimePasswords.code(secret, now);
    long used = totp.matchingStep(secret, code, now, -1).getAsLong();

    assertFalse(totp.matchingStep(secret, code, now, used).isPresent());
  }

  @Test
  void refusesMalformedCodes() {
    String secret = totp.newSecret();
    Instant now = Instant.now();

    assertFalse(totp.matchingStep(secret, null, now, -1).isPresent());
    assertFalse(totp.matchingStep(secret, "12345", now, -1).isPresent());
    assertFalse(totp.matchingStep(secret, "abcdef", now, -1).isPresent());
  }

  @Test
  void base32RoundTripsAndTheUriIsWhatAppsExpect() {
    String secret = totp.newSecret();

    assertEquals(32, secret.length());
    assertEquals(secret, TotpOneTimePasswords.base32(TotpOneTimePasswords.unbase32(secret)));
    String uri = totp.uri("MiniChat", "owner@example.com", secret);
    assertTrue(uri.startsWith("otpauth://totp/MiniChat:owner%40example.com?secret=" + secret), uri);
    assertTrue(
        uri.contains("issuer=MiniChat") && uri.contains("digits=6") && uri.contains("period=30"));
  }
}
