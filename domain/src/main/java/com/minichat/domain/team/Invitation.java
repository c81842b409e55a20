package com.minichat.domain.team;

import com.minichat.domain.user.Email;
import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.WorkspaceId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * An invitation by e-mail to join a workspace with a role. Only the hash of its token is stored; it
 * is single-use and expires.
 *
 * @param acceptedAt when it was used; {@code null} while open
 * @param revokedAt when an admin withdrew it; {@code null} while open
 */
public record Invitation(
    String id,
    WorkspaceId workspaceId,
    Email email,
    Role role,
    String tokenHash,
    UserId invitedBy,
    Instant createdAt,
    Instant expiresAt,
    Instant acceptedAt,
    Instant revokedAt) {

  /** How long an invitation can be accepted. */
  public static final Duration LIFETIME = Duration.ofDays(7);

  public Invitation {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(workspaceId, "workspaceId");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(tokenHash, "tokenHash");
    Objects.requireNonNull(invitedBy, "invitedBy");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    if (role == Role.OWNER) {
      throw new IllegalArgumentException("ownership is transferred, not invited");
    }
  }

  /** Whether it can still be accepted at {@code now}. */
  public boolean isOpen(Instant now) {
    return acceptedAt == null && revokedAt == null && now.isBefore(expiresAt);
  }
}
