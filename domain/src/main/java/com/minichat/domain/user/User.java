package com.minichat.domain.user;

import java.time.Instant;
import java.util.Objects;

/**
 * A person who signs in to the dashboard.
 *
 * @param passwordHash the one-way hash of the password, never the password itself
 */
public record User(
    UserId id,
    Email email,
    String name,
    String passwordHash,
    Instant createdAt,
    Instant updatedAt) {

  public User {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(passwordHash, "passwordHash");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }
}
