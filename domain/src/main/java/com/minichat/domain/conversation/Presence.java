package com.minichat.domain.conversation;

import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.WorkspaceId;
import java.time.Instant;
import java.util.Objects;

/**
 * Event: a visitor opened or left their conversation, or a team member came online or went away in
 * a workspace.
 *
 * @param conversationId the visitor's conversation; {@code null} for a team member
 * @param who {@link MessageAuthor#VISITOR} or {@link MessageAuthor#AGENT}
 * @param agent the team member, when {@code who} is {@link MessageAuthor#AGENT}
 */
public record Presence(
    WorkspaceId workspaceId,
    ConversationId conversationId,
    MessageAuthor who,
    UserId agent,
    boolean online,
    Instant at)
    implements ConversationEvent {
  public Presence {
    Objects.requireNonNull(workspaceId, "workspaceId");
    Objects.requireNonNull(who, "who");
  }
}
