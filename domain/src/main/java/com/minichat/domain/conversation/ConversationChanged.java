package com.minichat.domain.conversation;

import com.minichat.domain.workspace.WorkspaceId;
import java.time.Instant;

/** Event: a conversation's status, who answers, the visitor's details or the receipts changed. */
public record ConversationChanged(
    WorkspaceId workspaceId, ConversationId conversationId, Instant at)
    implements ConversationEvent {

  /** The event for a changed {@code conversation}. */
  public static ConversationChanged of(Conversation conversation) {
    return new ConversationChanged(
        conversation.workspaceId(), conversation.id(), conversation.updatedAt());
  }
}
