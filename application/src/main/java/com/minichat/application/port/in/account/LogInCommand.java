package com.minichat.application.port.in.account;

import com.minichat.domain.common.Violations;

/** Credentials typed at sign-in. */
public record LogInCommand(String email, String password) {
  public LogInCommand {
    new Violations()
        .text(email, "email", true, 254)
        .check(password != null && !password.isEmpty(), "password", "is required")
        .throwIfAny();
  }
}
