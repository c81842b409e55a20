package com.minichat.application.service.support;

import com.minichat.application.port.out.security.OneTimePasswords;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * Deterministic {@link OneTimePasswords} with the port's rules (30-second steps, one step of drift
 * either side, only steps after the last used one) but a simple code function the test can compute
 * with {@link #codeAt} and {@link #codeFor}. Secrets are predictable: {@code SECRETAAAAAAAAAA},
 * {@code SECRETAAAAAAAAAB}…
 */
public final class FakeOneTimePasswords implements OneTimePasswords {
  /** Seconds per step. */
  public static final long STEP_SECONDS = 30;

  private int issued;

  @Override
  public synchronized String newSecret() {
    StringBuilder suffix = new StringBuilder();
    int n = issued++;
    for (int i = 0; i < 10; i++) {
      suffix.insert(0, (char) ('A' + n % 26));
      n /= 26;
    }
    return "SECRET" + suffix;
  }

  @Override
  public OptionalLong matchingStep(String secret, String code, Instant now, long lastUsedStep) {
    long current = stepOf(now);
    for (long step = current - 1; step <= current + 1; step++) {
      if (step > lastUsedStep && codeFor(secret, step).equals(code)) {
        return OptionalLong.of(step);
      }
    }
    return OptionalLong.empty();
  }

  @Override
  public String uri(String issuer, String account, String secret) {
    return "otpauth://totp/" + issuer + ":" + account + "?secret=" + secret + "&issuer=" + issuer;
  }

  /** The step {@code at} falls in. */
  public static long stepOf(Instant at) {
    return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
  }

  /** The code of {@code secret} at {@code at}. */
  public static String codeAt(String secret, Instant at) {
    return codeFor(secret, stepOf(at));
  }

  /** The code of {@code secret} at {@code step}. */
  public static String codeFor(String secret, long step) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest((secret + "|" + step).getBytes(StandardCharsets.UTF_8));
      int value =
          ((digest[0] & 0x7f) << 24)
              | ((digest[1] & 0xff) << 16)
              | ((digest[2] & 0xff) << 8)
              | (digest[3] & 0xff);
      return String.format("%06d", value % 1_000_000);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A six-digit code that is valid for {@code secret} at none of the steps around {@code at}. */
  public static String wrongCodeAt(String secret, Instant at) {
    long step = stepOf(at);
    for (int candidate = 0; ; candidate++) {
      String code = String.format("%06d", candidate);
      if (!code.equals(codeFor(secret, step - 1))
          && !code.equals(codeFor(secret, step))
          && !code.equals(codeFor(secret, step + 1))) {
        return code;
      }
    }
  }
}
