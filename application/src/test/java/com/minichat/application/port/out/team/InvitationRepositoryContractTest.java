package com.minichat.application.port.out.team;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.minichat.application.port.out.Race;
import com.minichat.domain.common.ConflictException;
import com.minichat.domain.common.Identifiers;
import com.minichat.domain.team.Invitation;
import com.minichat.domain.team.Role;
import com.minichat.domain.user.Email;
import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Behaviour every {@link InvitationRepository} must show. Extend it and return a fresh, empty
 * repository from {@link #newRepository()}. Time is passed explicitly. Ids and token hashes are
 * unique; an invitation is open while it is neither accepted nor revoked and {@code now <
 * expiresAt}; only an open invitation can be accepted (once, even under concurrent requests) or
 * revoked (keeping the first revocation time). Open invitations of a workspace are listed newest
 * first (creation time, then id, both descending). Instants are kept to the millisecond.
 */
public abstract class InvitationRepositoryContractTest {
  /** A point in time with whole milliseconds, as every store keeps them. */
  protected static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123Z");

  private InvitationRepository invitations;

  /** A new repository with no invitations in it; called before every test. */
  protected abstract InvitationRepository newRepository();

  @BeforeEach
  void setUpRepository() {
    invitations = newRepository();
  }

  /** An open invitation of {@code workspaceId} created at {@code createdAt}. */
  protected static Invitation invitation(WorkspaceId workspaceId, Instant createdAt) {
    return new Invitation(
        Identifiers.random(12),
        workspaceId,
        new Email("somchai." + Identifiers.random(3) + "@example.co.th"),
        Role.MEMBER,
        "sha256:" + Identifiers.random(32),
        UserId.generate(),
        createdAt,
        createdAt.plus(Invitation.LIFETIME),
        null,
        null);
  }

  private static Invitation with(Invitation invitation, Instant acceptedAt, Instant revokedAt) {
    return new Invitation(
        invitation.id(),
        invitation.workspaceId(),
        invitation.email(),
        invitation.role(),
        invitation.tokenHash(),
        invitation.invitedBy(),
        invitation.createdAt(),
        invitation.expiresAt(),
        acceptedAt,
        revokedAt);
  }

  private Invitation stored(Invitation invitation) {
    return invitations.findById(invitation.id()).orElseThrow();
  }

  @Test
  void insertedInvitationIsFoundByIdWithEveryFieldEqual() {
    Invitation admin =
        new Invitation(
            Identifiers.random(12),
            WorkspaceId.generate(),
            new Email("Nok@Example.com"),
            Role.ADMIN,
            "sha256:admin",
            UserId.generate(),
            T0,
            T0.plusSeconds(600),
            null,
            null);
    Invitation member = invitation(WorkspaceId.generate(), T0);

    invitations.insert(admin);
    invitations.insert(member);

    assertEquals(Optional.of(admin), invitations.findById(admin.id()));
    assertEquals(Optional.of(member), invitations.findById(member.id()));
  }

  @Test
  void acceptedAndRevokedTimesRoundTrip() {
    Invitation accepted = with(invitation(WorkspaceId.generate(), T0), T0.plusSeconds(5), null);
    Invitation revoked = with(invitation(WorkspaceId.generate(), T0), null, T0.plusSeconds(9));

    invitations.insert(accepted);
    invitations.insert(revoked);

    assertEquals(accepted, stored(accepted));
    assertEquals(revoked, stored(revoked));
  }

  @Test
  void absentInvitationsAreEmpty() {
    invitations.insert(invitation(WorkspaceId.generate(), T0));

    assertTrue(invitations.findById("no-such-id").isEmpty());
    assertTrue(invitations.findOpenByTokenHash("sha256:unknown", T0).isEmpty());
    assertEquals(List.of(), invitations.findOpenByWorkspace(WorkspaceId.generate(), T0));
  }

  @Test
  void duplicateIdIsAConflict() {
    Invitation first = invitation(WorkspaceId.generate(), T0);
    invitations.insert(first);
    Invitation sameId =
        new Invitation(
            first.id(),
            WorkspaceId.generate(),
            new Email("other@example.com"),
            Role.ADMIN,
            "sha256:another",
            UserId.generate(),
            T0,
            T0.plusSeconds(60),
            null,
            null);

    assertThrows(ConflictException.class, () -> invitations.insert(sameId));
    assertEquals(first, stored(first));
    assertTrue(invitations.findOpenByTokenHash("sha256:another", T0).isEmpty());
  }

  @Test
  void duplicateTokenHashIsAConflict() {
    Invitation first = invitation(WorkspaceId.generate(), T0);
    invitations.insert(first);
    Invitation sameHash =
        new Invitation(
            Identifiers.random(12),
            WorkspaceId.generate(),
            new Email("other@example.com"),
            Role.MEMBER,
            first.tokenHash(),
            UserId.generate(),
            T0,
            T0.plusSeconds(60),
            null,
            null);

    assertThrows(ConflictException.class, () -> invitations.insert(sameHash));
    assertTrue(invitations.findById(sameHash.id()).isEmpty());
  }

  @Test
  void findOpenByTokenHashFindsAnOpenInvitationUntilJustBeforeItExpires() {
    Invitation open = invitation(WorkspaceId.generate(), T0);
    invitations.insert(open);

    assertEquals(Optional.of(open), invitations.findOpenByTokenHash(open.tokenHash(), T0));
    assertEquals(
        Optional.of(open),
        invitations.findOpenByTokenHash(open.tokenHash(), open.expiresAt().minusMillis(1)));
    assertTrue(invitations.findOpenByTokenHash(open.tokenHash(), open.expiresAt()).isEmpty());
  }

  @Test
  void findOpenByTokenHashLeavesOutAcceptedAndRevokedInvitations() {
    Invitation accepted = with(invitation(WorkspaceId.generate(), T0), T0.plusSeconds(5), null);
    Invitation revoked = with(invitation(WorkspaceId.generate(), T0), null, T0.plusSeconds(5));
    invitations.insert(accepted);
    invitations.insert(revoked);

    assertTrue(invitations.findOpenByTokenHash(accepted.tokenHash(), T0.plusSeconds(10)).isEmpty());
    assertTrue(invitations.findOpenByTokenHash(revoked.tokenHash(), T0.plusSeconds(10)).isEmpty());
  }

  @Test
  void markAcceptedSucceedsOnceOnly() {
    Invitation invitation = invitation(WorkspaceId.generate(), T0);
    invitations.insert(invitation);

    assertTrue(invitations.markAccepted(invitation.id(), T0.plusSeconds(10).plusNanos(999_999)));
    assertFalse(invitations.markAccepted(invitation.id(), T0.plusSeconds(11)));

    assertEquals(with(invitation, T0.plusSeconds(10), null), stored(invitation));
    assertTrue(
        invitations.findOpenByTokenHash(invitation.tokenHash(), T0.plusSeconds(12)).isEmpty());
  }

  @Test
  void markAcceptedOfAnExpiredRevokedOrUnknownInvitationFails() {
    Invitation expired = invitation(WorkspaceId.generate(), T0);
    Invitation revoked = invitation(WorkspaceId.generate(), T0);
    invitations.insert(expired);
    invitations.insert(revoked);
    invitations.revoke(revoked.id(), T0.plusSeconds(5));

    assertFalse(invitations.markAccepted(expired.id(), expired.expiresAt()));
    assertFalse(invitations.markAccepted(revoked.id(), T0.plusSeconds(10)));
    assertFalse(invitations.markAccepted("no-such-id", T0.plusSeconds(10)));
    assertEquals(expired, stored(expired));
    assertEquals(with(revoked, null, T0.plusSeconds(5)), stored(revoked));
  }

  @Test
  void eightConcurrentAcceptancesOfOneInvitationLetExactlyOneWin() throws Exception {
    Invitation invitation = invitation(WorkspaceId.generate(), T0);
    invitations.insert(invitation);

    List<Boolean> outcomes =
        Race.run(8, () -> invitations.markAccepted(invitation.id(), T0.plusSeconds(30)));

    assertEquals(1, outcomes.stream().filter(Boolean::booleanValue).count());
    assertEquals(with(invitation, T0.plusSeconds(30), null), stored(invitation));
  }

  @Test
  void revokeWithdrawsAnOpenInvitationAndKeepsTheFirstTime() {
    Invitation invitation = invitation(WorkspaceId.generate(), T0);
    invitations.insert(invitation);

    invitations.revoke(invitation.id(), T0.plusSeconds(10).plusNanos(1));
    invitations.revoke(invitation.id(), T0.plusSeconds(20));

    assertEquals(with(invitation, null, T0.plusSeconds(10)), stored(invitation));
    assertTrue(
        invitations.findOpenByTokenHash(invitation.tokenHash(), T0.plusSeconds(30)).isEmpty());
  }

  @Test
  void revokeLeavesAcceptedExpiredAndUnknownInvitationsAlone() {
    Invitation accepted = invitation(WorkspaceId.generate(), T0);
    Invitation expired = invitation(WorkspaceId.generate(), T0);
    invitations.insert(accepted);
    invitations.insert(expired);
    invitations.markAccepted(accepted.id(), T0.plusSeconds(5));

    invitations.revoke(accepted.id(), T0.plusSeconds(10));
    invitations.revoke(expired.id(), expired.expiresAt().plusSeconds(1));
    invitations.revoke("no-such-id", T0.plusSeconds(10));

    assertEquals(with(accepted, T0.plusSeconds(5), null), stored(accepted));
    assertEquals(expired, stored(expired));
  }

  @Test
  void findOpenByWorkspaceListsOnlyOpenInvitationsNewestFirst() {
    WorkspaceId workspace = WorkspaceId.generate();
    Invitation oldest = invitation(workspace, T0.minusSeconds(3600));
    Invitation tieA = invitation(workspace, T0.plusSeconds(60));
    Invitation tieB = invitation(workspace, T0.plusSeconds(60));
    Invitation middle = invitation(workspace, T0);
    Invitation accepted = invitation(workspace, T0.plusSeconds(1));
    Invitation revoked = invitation(workspace, T0.plusSeconds(2));
    Invitation expired =
        new Invitation(
            Identifiers.random(12),
            workspace,
            new Email("late@example.com"),
            Role.ADMIN,
            "sha256:expired",
            UserId.generate(),
            T0.plusSeconds(3),
            T0.plusSeconds(100),
            null,
            null);
    Invitation elsewhere = invitation(WorkspaceId.generate(), T0);
    List.of(oldest, tieA, accepted, tieB, revoked, expired, middle, elsewhere)
        .forEach(invitations::insert);
    invitations.markAccepted(accepted.id(), T0.plusSeconds(50));
    invitations.revoke(revoked.id(), T0.plusSeconds(50));

    List<Invitation> open = invitations.findOpenByWorkspace(workspace, T0.plusSeconds(100));

    Invitation tieFirst = tieA.id().compareTo(tieB.id()) > 0 ? tieA : tieB;
    Invitation tieSecond = tieFirst == tieA ? tieB : tieA;
    assertEquals(List.of(tieFirst, tieSecond, middle, oldest), open);
    assertEquals(
        List.of(tieFirst, tieSecond, expired, middle, oldest),
        invitations.findOpenByWorkspace(workspace, T0.plusSeconds(99)));
  }

  @Test
  void instantsAreKeptToTheMillisecond() {
    Invitation precise =
        with(
            new Invitation(
                Identifiers.random(12),
                WorkspaceId.generate(),
                new Email("precise@example.com"),
                Role.MEMBER,
                "sha256:precise",
                UserId.generate(),
                T0.plusNanos(999_999),
                T0.plusSeconds(60).plusNanos(1),
                null,
                null),
            T0.plusSeconds(1).plusNanos(500_000),
            T0.plusSeconds(2).plusNanos(1));

    invitations.insert(precise);

    Invitation found = stored(precise);
    assertEquals(T0, found.createdAt());
    assertEquals(T0.plusSeconds(60), found.expiresAt());
    assertEquals(T0.plusSeconds(1), found.acceptedAt());
    assertEquals(T0.plusSeconds(2), found.revokedAt());
  }
}
