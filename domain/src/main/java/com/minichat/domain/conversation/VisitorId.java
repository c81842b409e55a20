package com.minichat.domain.conversation;

import com.minichat.domain.common.Identifiers;

/** Identifier of a {@code Visitor}. */
public record VisitorId(String value) {
  public VisitorId {
    Identifiers.require(value, "VisitorId");
  }

  /** A new random identifier. */
  public static VisitorId generate() {
    return new VisitorId(Identifiers.random(12));
  }
}
