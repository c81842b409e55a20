package com.minichat.application.port.in.account;

import com.minichat.domain.common.Violations;

/**
 * Sign-up data as typed by the person.
 *
 * @param password plain password; checked here for length only (the full policy is the identity
 *     service's)
 */
public record RegisterUserCommand(String email, String password, String name) {
  /** Shortest accepted password. */
  public static final int MIN_PASSWORD = 8;

  /** Longest accepted password; longer ones are refused, never truncated. */
  public static final int MAX_PASSWORD = 128;

  /** Longest display name. */
  public static final int MAX_NAME = 100;

  public RegisterUserCommand {
    new Violations()
        .text(email, "email", true, 254)
        .text(password, "password", true, MAX_PASSWORD)
        .check(
            password == null || password.isBlank() || password.length() >= MIN_PASSWORD,
            "password",
            "must be at least " + MIN_PASSWORD + " characters")
        .text(name, "name", true, MAX_NAME)
        .throwIfAny();
  }
}
