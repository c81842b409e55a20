package com.minichat.domain.conversation;

/** Lifecycle of a conversation. */
public enum ConversationStatus {
  OPEN,
  PENDING,
  CLOSED
}
