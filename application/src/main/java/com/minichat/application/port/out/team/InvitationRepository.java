package com.minichat.application.port.out.team;

import com.minichat.domain.team.Invitation;
import com.minichat.domain.workspace.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stores invitations; only the hash of each invitation token. */
public interface InvitationRepository {
  void insert(Invitation invitation);

  Optional<Invitation> findById(String id);

  /** The open (not accepted, not revoked, not expired) invitation with this token hash. */
  Optional<Invitation> findOpenByTokenHash(String tokenHash, Instant now);

  /**
   * Atomically marks the open invitation as accepted at {@code now}; {@code false} when it was no
   * longer open (used, revoked or expired — also when two requests race for it).
   */
  boolean markAccepted(String id, Instant now);

  /** Withdraws the invitation if it is still open. */
  void revoke(String id, Instant now);

  /** The workspace's open invitations, newest first. */
  List<Invitation> findOpenByWorkspace(WorkspaceId workspaceId, Instant now);
}
