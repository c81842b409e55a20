package com.minichat.domain.team;

import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.WorkspaceId;
import java.time.Instant;
import java.util.Objects;

/** A user's place in a workspace. */
public record Membership(
    WorkspaceId workspaceId, UserId userId, Role role, Instant joinedAt, Instant updatedAt) {

  public Membership {
    Objects.requireNonNull(workspaceId, "workspaceId");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(joinedAt, "joinedAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /** A copy with another role. */
  public Membership withRole(Role newRole, Instant now) {
    return new Membership(workspaceId, userId, newRole, joinedAt, now);
  }
}
