package com.minichat.application.service.team;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.minichat.application.port.in.workspace.MemberWorkspace;
import com.minichat.application.service.support.RecordingAccountMailer.InvitationMail;
import com.minichat.application.service.support.TenancyFixture;
import com.minichat.domain.common.ConflictException;
import com.minichat.domain.common.ErrorCode;
import com.minichat.domain.common.ForbiddenException;
import com.minichat.domain.common.NotFoundException;
import com.minichat.domain.common.ValidationException;
import com.minichat.domain.team.Invitation;
import com.minichat.domain.team.Permission;
import com.minichat.domain.team.Role;
import com.minichat.domain.user.Email;
import com.minichat.domain.user.User;
import com.minichat.domain.workspace.Plan;
import com.minichat.domain.workspace.Workspace;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InvitationServiceTest {
  private TenancyFixture fx;
  private InvitationService service;
  private User owner;
  private User admin;
  private User member;
  private User invitee;
  private Workspace workspace;

  @BeforeEach
  void setUp() {
    fx = new TenancyFixture();
    service = fx.invitationService;
    owner = fx.user("Owner");
    admin = fx.user("Admin");
    member = fx.user("Member");
    invitee = fx.user("Invitee");
    workspace = fx.workspace(owner, "Coffee");
    fx.join(workspace, admin, Role.ADMIN);
    fx.join(workspace, member, Role.MEMBER);
  }

  /** Has the admin invite {@link #invitee} as {@code role}; the token from the mail. */
  private String inviteInvitee(Role role) {
    service.invite(admin.id(), workspace.id(), invitee.email().value(), role);
    return fx.mailer.lastInvitation().token();
  }

  @Test
  void anAdminsInvitationIsMailedWithALinkWhoseTokenIsStoredOnlyAsAHash() {
    Instant now = fx.clock.peek();

    Invitation invitation =
        service.invite(admin.id(), workspace.id(), "  New.Person@Example.com ", Role.MEMBER);

    InvitationMail mail = fx.mailer.lastInvitation();
    assertEquals(1, fx.mailer.invitations().size());
    assertEquals(invitation, mail.invitation());
    assertEquals(new Email("new.person@example.com"), invitation.email());
    assertEquals(Role.MEMBER, invitation.role());
    assertEquals(workspace.id(), invitation.workspaceId());
    assertEquals(admin.id(), invitation.invitedBy());
    assertEquals(now, invitation.createdAt());
    assertEquals(now.plus(Duration.ofDays(7)), invitation.expiresAt());
    assertNull(invitation.acceptedAt());
    assertNull(invitation.revokedAt());
    assertEquals("Coffee", mail.workspaceName());
    assertEquals("Admin", mail.inviterName());
    assertEquals(admin.language(), mail.language());
    assertTrue(
        mail.link().startsWith(TenancyFixture.BASE_URL + "/invitations/accept?token="),
        mail.link());

    String token = mail.token();
    assertFalse(token.isBlank());
    assertEquals(fx.hasher.hash(token), invitation.tokenHash());
    assertNotEquals(token, invitation.tokenHash());
    assertEquals(List.of(invitation), fx.invitations.all());
    assertFalse(fx.invitations.all().toString().contains(token), "the token is not stored");
  }

  @Test
  void everyInvitationHasItsOwnToken() {
    String first = inviteInvitee(Role.MEMBER);
    service.invite(owner.id(), workspace.id(), "someone@example.com", Role.ADMIN);
    String second = fx.mailer.lastInvitation().token();

    assertNotEquals(first, second);
  }

  @Test
  void theOwnerMayInviteAdmins() {
    Invitation invitation =
        service.invite(owner.id(), workspace.id(), "second@example.com", Role.ADMIN);

    assertEquals(Role.ADMIN, invitation.role());
    assertEquals("Owner", fx.mailer.lastInvitation().inviterName());
  }

  @Test
  void aMemberCannotInvite() {
    assertThrows(
        ForbiddenException.class,
        () -> service.invite(member.id(), workspace.id(), "friend@example.com", Role.MEMBER));
    assertThrows(
        NotFoundException.class,
        () -> service.invite(invitee.id(), workspace.id(), "friend@example.com", Role.MEMBER));

    assertEquals(List.of(), fx.invitations.all());
    assertEquals(List.of(), fx.mailer.sent());
  }

  @Test
  void nobodyIsInvitedAsOwner() {
    assertThrows(
        ValidationException.class,
        () -> service.invite(owner.id(), workspace.id(), "heir@example.com", Role.OWNER));
    assertThrows(
        ValidationException.class,
        () -> service.invite(owner.id(), workspace.id(), "heir@example.com", null));

    assertEquals(List.of(), fx.invitations.all());
    assertEquals(List.of(), fx.mailer.sent());
  }

  @Test
  void anInvalidAddressIsRefused() {
    assertThrows(
        ValidationException.class,
        () -> service.invite(admin.id(), workspace.id(), "not an address", Role.MEMBER));

    assertEquals(List.of(), fx.invitations.all());
  }

  @Test
  void invitingSomeoneWhoIsAlreadyAMemberIsAConflict() {
    assertThrows(
        ConflictException.class,
        () -> service.invite(admin.id(), workspace.id(), "MEMBER@example.com", Role.ADMIN));
    assertThrows(
        ConflictException.class,
        () -> service.invite(admin.id(), workspace.id(), owner.email().value(), Role.MEMBER));

    assertEquals(List.of(), fx.invitations.all());
    assertEquals(List.of(), fx.mailer.sent());
  }

  private void putOn(Plan plan) {
    Workspace current = fx.workspaces.findById(workspace.id()).orElseThrow();
    fx.workspaces.update(current.onPlan(plan, fx.clock.instant()));
  }

  @Test
  void invitationsStopWhenMembersAndOpenInvitationsFillThePlan() {
    putOn(Plan.PRO);
    long free = Plan.PRO.members() - 3; // owner, admin and member
    for (int i = 0; i < free; i++) {
      service.invite(admin.id(), workspace.id(), "guest" + i + "@example.com", Role.MEMBER);
    }

    ForbiddenException full =
        assertThrows(
            ForbiddenException.class,
            () -> service.invite(admin.id(), workspace.id(), "one-more@example.com", Role.MEMBER));

    assertEquals(ErrorCode.PLAN_LIMIT_REACHED, full.code());
    assertTrue(full.getMessage().contains("pro plan allows 10"), full.getMessage());
    assertEquals(free, fx.invitations.all().size(), "nothing stored for the refused one");
    service.revoke(admin.id(), workspace.id(), fx.invitations.all().getFirst().id());
    service.invite(admin.id(), workspace.id(), "one-more@example.com", Role.MEMBER);
  }

  @Test
  void acceptingIsRefusedWhenThePlanHasNoSeatLeft() {
    String token = inviteInvitee(Role.MEMBER);
    putOn(Plan.FREE);

    ForbiddenException full =
        assertThrows(ForbiddenException.class, () -> service.accept(invitee.id(), token));

    assertEquals(ErrorCode.PLAN_LIMIT_REACHED, full.code());
    assertNull(fx.roleOf(workspace.id(), invitee));
    assertEquals(1, service.open(admin.id(), workspace.id()).size(), "still open for later");
  }

  @Test
  void acceptingCreatesTheMembershipWithTheInvitedRole() {
    String token = inviteInvitee(Role.ADMIN);
    fx.clock.advance(Duration.ofDays(2));
    Instant now = fx.clock.peek();

    MemberWorkspace joined = service.accept(invitee.id(), token);

    assertEquals(new MemberWorkspace(workspace, Role.ADMIN), joined);
    assertEquals(Role.ADMIN, fx.roleOf(workspace.id(), invitee));
    assertEquals(now, fx.memberships.find(workspace.id(), invitee.id()).orElseThrow().joinedAt());
    assertEquals(now, fx.invitations.all().getFirst().acceptedAt());
    fx.access.require(invitee.id(), workspace.id(), Permission.MANAGE_MEMBERS);
    assertEquals(List.of(), service.open(admin.id(), workspace.id()));
  }

  @Test
  void acceptingAsAMemberGivesOnlyMemberRights() {
    String token = inviteInvitee(Role.MEMBER);

    assertEquals(Role.MEMBER, service.accept(invitee.id(), " " + token + " ").role());

    fx.access.require(invitee.id(), workspace.id(), Permission.READ_WORKSPACE);
    assertThrows(
        ForbiddenException.class,
        () -> fx.access.require(invitee.id(), workspace.id(), Permission.MANAGE_SETTINGS));
  }

  @Test
  void acceptingNeedsTheInvitedAddress() {
    String token = inviteInvitee(Role.MEMBER);
    User someoneElse = fx.user("Someone");

    assertThrows(ValidationException.class, () -> service.accept(someoneElse.id(), token));

    assertNull(fx.roleOf(workspace.id(), someoneElse));
    // The invitation stays open for the person it was meant for.
    assertEquals(Role.MEMBER, service.accept(invitee.id(), token).role());
  }

  @Test
  void anInvitationIsSingleUse() {
    String token = inviteInvitee(Role.MEMBER);
    service.accept(invitee.id(), token);

    assertThrows(ValidationException.class, () -> service.accept(invitee.id(), token));

    assertEquals(
        1,
        fx.memberships.findByWorkspace(workspace.id()).stream()
            .filter(membership -> membership.userId().equals(invitee.id()))
            .count());
  }

  @Test
  void anInvitationExpiresAfterSevenDays() {
    String token = inviteInvitee(Role.MEMBER);
    fx.clock.advance(Duration.ofDays(7));

    assertThrows(ValidationException.class, () -> service.accept(invitee.id(), token));

    assertNull(fx.roleOf(workspace.id(), invitee));
    assertEquals(List.of(), service.open(admin.id(), workspace.id()));
  }

  @Test
  void anInvitationCanBeAcceptedUntilJustBeforeSevenDays() {
    String token = inviteInvitee(Role.MEMBER);
    fx.clock.advance(Duration.ofDays(7).minusMillis(1));

    assertEquals(Role.MEMBER, service.accept(invitee.id(), token).role());
  }

  @Test
  void aRevokedInvitationCannotBeAccepted() {
    String token = inviteInvitee(Role.MEMBER);
    Invitation invitation = fx.invitations.all().getFirst();
    assertEquals(List.of(invitation), service.open(owner.id(), workspace.id()));

    service.revoke(admin.id(), workspace.id(), invitation.id());

    assertThrows(ValidationException.class, () -> service.accept(invitee.id(), token));
    assertNull(fx.roleOf(workspace.id(), invitee));
    assertEquals(List.of(), service.open(owner.id(), workspace.id()));
  }

  @Test
  void aMemberCannotSeeOrRevokeInvitations() {
    inviteInvitee(Role.MEMBER);
    Invitation invitation = fx.invitations.all().getFirst();

    assertThrows(ForbiddenException.class, () -> service.open(member.id(), workspace.id()));
    assertThrows(
        ForbiddenException.class,
        () -> service.revoke(member.id(), workspace.id(), invitation.id()));

    assertEquals(List.of(invitation), service.open(admin.id(), workspace.id()));
  }

  @Test
  void anInvitationOfAnotherWorkspaceCannotBeRevokedFromHere() {
    Workspace other = fx.workspace(owner, "Other");
    Invitation foreign = service.invite(owner.id(), other.id(), "friend@example.com", Role.MEMBER);

    assertThrows(
        NotFoundException.class, () -> service.revoke(admin.id(), workspace.id(), foreign.id()));

    assertEquals(List.of(foreign), service.open(owner.id(), other.id()));
  }

  @Test
  void unknownOrBlankTokensAreRefused() {
    inviteInvitee(Role.MEMBER);

    assertThrows(ValidationException.class, () -> service.accept(invitee.id(), "nope"));
    assertThrows(ValidationException.class, () -> service.accept(invitee.id(), " "));
    assertThrows(ValidationException.class, () -> service.accept(invitee.id(), null));
    assertThrows(
        ValidationException.class,
        () -> service.accept(invitee.id(), fx.invitations.all().getFirst().tokenHash()));

    assertNull(fx.roleOf(workspace.id(), invitee));
  }

  @Test
  void anInvitationToADeletedWorkspaceCannotBeAccepted() {
    String token = inviteInvitee(Role.MEMBER);
    fx.workspaceService.delete(owner.id(), workspace.id());

    assertThrows(NotFoundException.class, () -> service.accept(invitee.id(), token));

    assertNull(fx.roleOf(workspace.id(), invitee));
    assertEquals(
        Optional.empty(),
        fx.invitations.all().stream()
            .map(Invitation::acceptedAt)
            .filter(Objects::nonNull)
            .findFirst());
  }
}
