package com.minichat.domain.conversation;

import com.minichat.domain.workspace.WorkspaceId;
import java.time.Instant;
import java.util.Objects;

/** A chat between one visitor and a workspace (its bot and team). */
public record Conversation(
    ConversationId id,
    WorkspaceId workspaceId,
    VisitorId visitorId,
    ConversationStatus status,
    Instant createdAt,
    Instant updatedAt) {

  public Conversation {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(workspaceId, "workspaceId");
    Objects.requireNonNull(visitorId, "visitorId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /** Starts a new open conversation. */
  public static Conversation start(WorkspaceId workspaceId, VisitorId visitorId, Instant now) {
    return new Conversation(
        ConversationId.generate(), workspaceId, visitorId, ConversationStatus.OPEN, now, now);
  }
}
