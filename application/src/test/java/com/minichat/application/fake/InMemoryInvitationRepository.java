package com.minichat.application.fake;

import static com.minichat.application.fake.InMemoryPaging.millis;
import static com.minichat.application.fake.InMemoryPaging.millisOrNull;

import com.minichat.application.port.out.team.InvitationRepository;
import com.minichat.domain.common.ConflictException;
import com.minichat.domain.team.Invitation;
import com.minichat.domain.workspace.WorkspaceId;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Thread-safe in-memory {@link InvitationRepository} with the same semantics as the real adapters:
 * unique ids and token hashes ({@link ConflictException} otherwise), instants kept at millisecond
 * precision, an invitation open while neither accepted nor revoked and {@code now < expiresAt},
 * accepted at most once, open invitations of a workspace newest first (creation time, then id, both
 * descending).
 */
public final class InMemoryInvitationRepository implements InvitationRepository {
  private static final Comparator<Invitation> NEWEST_FIRST =
      Comparator.comparing(Invitation::createdAt).thenComparing(Invitation::id).reversed();

  private final Map<String, Invitation> invitations = new LinkedHashMap<>();

  @Override
  public synchronized void insert(Invitation invitation) {
    Objects.requireNonNull(invitation, "invitation");
    boolean taken =
        invitations.values().stream()
            .anyMatch(
                other ->
                    other.id().equals(invitation.id())
                        || other.tokenHash().equals(invitation.tokenHash()));
    if (taken) {
      throw new ConflictException("This invitation already exists");
    }
    invitations.put(
        invitation.id(), stored(invitation, invitation.acceptedAt(), invitation.revokedAt()));
  }

  @Override
  public synchronized Optional<Invitation> findById(String id) {
    return Optional.ofNullable(invitations.get(id));
  }

  @Override
  public synchronized Optional<Invitation> findOpenByTokenHash(String tokenHash, Instant now) {
    Instant at = millis(now);
    return invitations.values().stream()
        .filter(invitation -> invitation.tokenHash().equals(tokenHash))
        .filter(invitation -> invitation.isOpen(at))
        .findFirst();
  }

  @Override
  public synchronized boolean markAccepted(String id, Instant now) {
    Invitation invitation = invitations.get(id);
    if (invitation == null || !invitation.isOpen(millis(now))) {
      return false;
    }
    invitations.put(id, stored(invitation, now, null));
    return true;
  }

  @Override
  public synchronized void revoke(String id, Instant now) {
    Invitation invitation = invitations.get(id);
    if (invitation != null && invitation.isOpen(millis(now))) {
      invitations.put(id, stored(invitation, null, now));
    }
  }

  @Override
  public synchronized List<Invitation> findOpenByWorkspace(WorkspaceId workspaceId, Instant now) {
    Instant at = millis(now);
    return invitations.values().stream()
        .filter(invitation -> invitation.workspaceId().equals(workspaceId))
        .filter(invitation -> invitation.isOpen(at))
        .sorted(NEWEST_FIRST)
        .toList();
  }

  /** Every stored invitation in insertion order; for assertions in tests. */
  public synchronized List<Invitation> all() {
    return List.copyOf(invitations.values());
  }

  private static Invitation stored(Invitation invitation, Instant acceptedAt, Instant revokedAt) {
    return new Invitation(
        invitation.id(),
        invitation.workspaceId(),
        invitation.email(),
        invitation.role(),
        invitation.tokenHash(),
        invitation.invitedBy(),
        millis(invitation.createdAt()),
        millis(invitation.expiresAt()),
        millisOrNull(acceptedAt),
        millisOrNull(revokedAt));
  }
}
