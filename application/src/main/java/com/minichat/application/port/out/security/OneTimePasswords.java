package com.minichat.application.port.out.security;

import java.time.Instant;
import java.util.OptionalLong;

/**
 * Time-based one-time passwords as authenticator apps compute them (RFC 6238: HMAC-SHA1, 30-second
 * steps, 6 digits).
 */
public interface OneTimePasswords {
  /** Digits of a code. */
  int DIGITS = 6;

  /** A new random secret, Base32-encoded as authenticator apps expect. */
  String newSecret();

  /**
   * The step at which {@code code} is valid for {@code secret}, looking one step either side of
   * {@code now} for clock drift, and only at steps after {@code lastUsedStep} so that a code is
   * accepted once; empty when it is not valid.
   */
  OptionalLong matchingStep(String secret, String code, Instant now, long lastUsedStep);

  /** The {@code otpauth://} URI that authenticator apps scan. */
  String uri(String issuer, String account, String secret);
}
