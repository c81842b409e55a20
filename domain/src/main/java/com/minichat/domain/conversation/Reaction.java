package com.minichat.domain.conversation;

import java.util.Locale;
import java.util.Optional;

/** A visitor's verdict on an AI answer. */
public enum Reaction {
  UP,
  DOWN;

  /** The name used in the API: {@code up} or {@code down}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The reaction with this wire name, ignoring case. */
  public static Optional<Reaction> fromWireName(String name) {
    for (Reaction reaction : values()) {
      if (reaction.wireName().equalsIgnoreCase(name == null ? "" : name.strip())) {
        return Optional.of(reaction);
      }
    }
    return Optional.empty();
  }
}
