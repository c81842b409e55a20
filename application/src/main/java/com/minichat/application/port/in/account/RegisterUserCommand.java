package com.minichat.application.port.in.account;

import com.minichat.domain.common.Violations;

/**
 * Sign-up data as typed by the person. Presence and lengths are checked here; the password rules
 * are checked by the registration service, which reports all of them at once.
 *
 * @param language preferred language for e-mails ({@code th} or {@code en}); may be null
 */
public record RegisterUserCommand(String email, String password, String name, String language) {
  /** Longest accepted password; longer ones are refused, never truncated. */
  public static final int MAX_PASSWORD = 128;

  /** Longest display name. */
  public static final int MAX_NAME = 100;

  public RegisterUserCommand {
    new Violations()
        .text(email, "email", true, 254)
        .check(password != null && !password.isEmpty(), "password", "is required")
        .text(name, "name", true, MAX_NAME)
        .throwIfAny();
  }
}
