package com.minichat.domain.conversation;

/** Who wrote a message. */
public enum MessageAuthor {
  VISITOR,
  AI,
  AGENT,
  SYSTEM
}
