package com.minichat.domain.conversation;

import com.minichat.domain.workspace.WorkspaceId;
import java.time.Instant;

/** Event: a stored message was edited or reacted to. */
public record MessageChanged(
    WorkspaceId workspaceId, ConversationId conversationId, MessageId messageId, Instant at)
    implements ConversationEvent {

  /** The event for a changed {@code message}. */
  public static MessageChanged of(Message message, Instant at) {
    return new MessageChanged(message.workspaceId(), message.conversationId(), message.id(), at);
  }
}
