package com.minichat.domain.conversation;

import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.WorkspaceId;
import java.time.Instant;
import java.util.Objects;

/**
 * Event: someone started or stopped writing in a conversation.
 *
 * @param who the visitor, the bot or a team member
 * @param agent the team member, when {@code who} is {@link MessageAuthor#AGENT}
 */
public record Typing(
    WorkspaceId workspaceId,
    ConversationId conversationId,
    MessageAuthor who,
    UserId agent,
    boolean typing,
    Instant at)
    implements ConversationEvent {
  public Typing {
    Objects.requireNonNull(conversationId, "conversationId");
    Objects.requireNonNull(who, "who");
  }
}
