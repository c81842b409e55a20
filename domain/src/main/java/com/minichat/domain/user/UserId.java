package com.minichat.domain.user;

import com.minichat.domain.common.Identifiers;

/** Identifier of a {@code User}. */
public record UserId(String value) {
  public UserId {
    Identifiers.require(value, "UserId");
  }

  /** A new random identifier. */
  public static UserId generate() {
    return new UserId(Identifiers.random(12));
  }
}
