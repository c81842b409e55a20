package com.minichat.domain.conversation;

import com.minichat.domain.common.Identifiers;

/** Identifier of a {@code Message}. */
public record MessageId(String value) {
  public MessageId {
    Identifiers.require(value, "MessageId");
  }

  /** A new random identifier. */
  public static MessageId generate() {
    return new MessageId(Identifiers.random(12));
  }
}
