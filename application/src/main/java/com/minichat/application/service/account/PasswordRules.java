package com.minichat.application.service.account;

/**
 * The composition rules of passwords (configurable) on top of the fixed checks against common
 * passwords, strength and personal data.
 *
 * @param minScore lowest accepted zxcvbn score (0–4)
 */
public record PasswordRules(
    int minLength,
    boolean requireUpperCase,
    boolean requireDigit,
    boolean requireSymbol,
    int minScore) {

  /** At least 8 characters with an upper-case letter, a digit and a symbol; strength 3 or more. */
  public static final PasswordRules DEFAULT = new PasswordRules(8, true, true, true, 3);
}
