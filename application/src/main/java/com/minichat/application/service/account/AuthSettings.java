package com.minichat.application.service.account;

import com.minichat.application.port.out.ratelimit.RateLimit;
import java.time.Duration;

/**
 * The tunable rules of accounts and sessions, with the product's defaults.
 *
 * @param publicBaseUrl where e-mailed links point
 * @param login sign-in attempts per client IP
 * @param registration sign-ups per client IP
 * @param passwordReset reset requests per client IP
 * @param verificationResend verification re-sends per client IP
 * @param maxFailedLogins consecutive failures that lock an account
 * @param lockDuration the first lock's length; each later lock doubles it
 * @param refreshLifetime how long a session lasts without use
 */
public record AuthSettings(
    String publicBaseUrl,
    RateLimit login,
    RateLimit registration,
    RateLimit passwordReset,
    RateLimit verificationResend,
    int maxFailedLogins,
    Duration lockDuration,
    Duration refreshLifetime,
    PasswordRules passwordRules) {

  /** The defaults of the product (S04–S06, S08). */
  public static AuthSettings defaults(String publicBaseUrl) {
    return new AuthSettings(
        publicBaseUrl,
        new RateLimit("login", 5, Duration.ofMinutes(15)),
        new RateLimit("register", 3, Duration.ofHours(1)),
        new RateLimit("password-reset", 5, Duration.ofHours(1)),
        new RateLimit("verification-resend", 3, Duration.ofHours(1)),
        5,
        Duration.ofMinutes(15),
        Duration.ofDays(30),
        PasswordRules.DEFAULT);
  }

  /** A copy with other rate limits (configuration and tests). */
  public AuthSettings withLimits(
      RateLimit newLogin,
      RateLimit newRegistration,
      RateLimit newPasswordReset,
      RateLimit newVerificationResend) {
    return new AuthSettings(
        publicBaseUrl,
        newLogin,
        newRegistration,
        newPasswordReset,
        newVerificationResend,
        maxFailedLogins,
        lockDuration,
        refreshLifetime,
        passwordRules);
  }
}
