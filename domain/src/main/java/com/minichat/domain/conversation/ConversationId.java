package com.minichat.domain.conversation;

import com.minichat.domain.common.Identifiers;

/** Identifier of a {@code Conversation}. */
public record ConversationId(String value) {
  public ConversationId {
    Identifiers.require(value, "ConversationId");
  }

  /** A new random identifier. */
  public static ConversationId generate() {
    return new ConversationId(Identifiers.random(12));
  }
}
