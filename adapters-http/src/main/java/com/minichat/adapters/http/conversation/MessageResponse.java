package com.minichat.adapters.http.conversation;

import com.minichat.domain.conversation.Message;
import java.time.Instant;

/** A message as the API shows it to visitors and team members. */
public record MessageResponse(
    String id, String conversationId, String author, String text, Instant createdAt) {

  /** The response for a stored message. */
  public static MessageResponse from(Message message) {
    return new MessageResponse(
        message.id().value(),
        message.conversationId().value(),
        message.author().name(),
        message.text(),
        message.createdAt());
  }
}
