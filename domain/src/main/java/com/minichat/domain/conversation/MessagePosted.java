package com.minichat.domain.conversation;

import com.minichat.domain.workspace.WorkspaceId;
import java.time.Instant;

/** Event: a message was stored in a conversation. */
public record MessagePosted(
    WorkspaceId workspaceId,
    ConversationId conversationId,
    MessageId messageId,
    MessageAuthor author,
    Instant at)
    implements ConversationEvent {

  /** The event for a stored {@code message}. */
  public static MessagePosted of(Message message) {
    return new MessagePosted(
        message.workspaceId(),
        message.conversationId(),
        message.id(),
        message.author(),
        message.createdAt());
  }
}
