package com.minichat.application.service.team;

import com.minichat.application.port.in.team.InvitationUseCase;
import com.minichat.application.port.in.workspace.MemberWorkspace;
import com.minichat.application.port.out.email.AccountMailer;
import com.minichat.application.port.out.security.SecretHasher;
import com.minichat.application.port.out.team.InvitationRepository;
import com.minichat.application.port.out.team.MembershipRepository;
import com.minichat.application.port.out.user.UserRepository;
import com.minichat.application.port.out.workspace.WorkspaceRepository;
import com.minichat.application.service.workspace.WorkspaceAccess;
import com.minichat.application.service.workspace.WorkspaceAccess.Grant;
import com.minichat.domain.common.AuthenticationException;
import com.minichat.domain.common.ConflictException;
import com.minichat.domain.common.ErrorCode;
import com.minichat.domain.common.ForbiddenException;
import com.minichat.domain.common.Identifiers;
import com.minichat.domain.common.NotFoundException;
import com.minichat.domain.common.ValidationException;
import com.minichat.domain.team.Invitation;
import com.minichat.domain.team.Membership;
import com.minichat.domain.team.Permission;
import com.minichat.domain.team.Role;
import com.minichat.domain.user.Email;
import com.minichat.domain.user.User;
import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.Plan;
import com.minichat.domain.workspace.Workspace;
import com.minichat.domain.workspace.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Invitations by e-mail: single-use, expiring, for a chosen role. */
public final class InvitationService implements InvitationUseCase {
  private final WorkspaceRepository workspaces;
  private final MembershipRepository memberships;
  private final InvitationRepository invitations;
  private final UserRepository users;
  private final WorkspaceAccess access;
  private final SecretHasher hasher;
  private final AccountMailer mailer;
  private final String publicBaseUrl;
  private final Clock clock;

  public InvitationService(
      WorkspaceRepository workspaces,
      MembershipRepository memberships,
      InvitationRepository invitations,
      UserRepository users,
      WorkspaceAccess access,
      SecretHasher hasher,
      AccountMailer mailer,
      String publicBaseUrl,
      Clock clock) {
    this.workspaces = workspaces;
    this.memberships = memberships;
    this.invitations = invitations;
    this.users = users;
    this.access = access;
    this.hasher = hasher;
    this.mailer = mailer;
    this.publicBaseUrl = publicBaseUrl;
    this.clock = clock;
  }

  @Override
  public Invitation invite(UserId actor, WorkspaceId workspaceId, String email, Role role) {
    Grant grant = access.require(actor, workspaceId, Permission.MANAGE_MEMBERS);
    if (role == null || role == Role.OWNER) {
      throw new ValidationException("role", "must be admin or member");
    }
    Email invitee = new Email(email);
    boolean alreadyMember =
        users
            .findByEmail(invitee)
            .flatMap(user -> memberships.find(workspaceId, user.id()))
            .isPresent();
    if (alreadyMember) {
      throw new ConflictException("This person is already a member");
    }
    Instant now = clock.instant();
    requireSeat(
        grant.workspace(),
        memberships.findByWorkspace(workspaceId).size()
            + invitations.findOpenByWorkspace(workspaceId, now).size());
    String token = Identifiers.random(32);
    Invitation invitation =
        new Invitation(
            Identifiers.random(12),
            workspaceId,
            invitee,
            role,
            hasher.hash(token),
            actor,
            now,
            now.plus(Invitation.LIFETIME),
            null,
            null);
    invitations.insert(invitation);
    User inviter =
        users.findById(actor).orElseThrow(() -> new AuthenticationException("Sign in again"));
    mailer.sendInvitation(
        invitation,
        grant.workspace().name(),
        inviter.name(),
        publicBaseUrl + "/invitations/accept?token=" + token,
        inviter.language());
    return invitation;
  }

  @Override
  public List<Invitation> open(UserId actor, WorkspaceId workspaceId) {
    access.require(actor, workspaceId, Permission.MANAGE_MEMBERS);
    return invitations.findOpenByWorkspace(workspaceId, clock.instant());
  }

  @Override
  public void revoke(UserId actor, WorkspaceId workspaceId, String invitationId) {
    access.require(actor, workspaceId, Permission.MANAGE_MEMBERS);
    Invitation invitation =
        invitations
            .findById(invitationId)
            .filter(found -> found.workspaceId().equals(workspaceId))
            .orElseThrow(() -> new NotFoundException("Invitation not found"));
    invitations.revoke(invitation.id(), clock.instant());
  }

  @Override
  public MemberWorkspace accept(UserId actor, String token) {
    if (token == null || token.isBlank()) {
      throw new ValidationException("token", "is required");
    }
    Instant now = clock.instant();
    Invitation invitation =
        invitations
            .findOpenByTokenHash(hasher.hash(token.strip()), now)
            .orElseThrow(() -> invalid());
    User user =
        users.findById(actor).orElseThrow(() -> new AuthenticationException("Sign in again"));
    if (!user.email().equals(invitation.email())) {
      throw new ValidationException(
          "token", "was sent to another e-mail address; sign in with that address to accept");
    }
    Workspace workspace =
        workspaces
            .findById(invitation.workspaceId())
            .orElseThrow(() -> new NotFoundException("The workspace no longer exists"));
    if (memberships.find(workspace.id(), actor).isPresent()) {
      throw new ConflictException("You are already a member of this workspace");
    }
    // The invitation held a seat; a plan changed since may have fewer.
    requireSeat(workspace, memberships.findByWorkspace(workspace.id()).size());
    if (!invitations.markAccepted(invitation.id(), now)) {
      throw invalid();
    }
    memberships.insert(new Membership(workspace.id(), actor, invitation.role(), now, now));
    return new MemberWorkspace(workspace, invitation.role());
  }

  /**
   * Refuses when {@code taken} seats (members, and open invitations when inviting) fill the plan.
   */
  private static void requireSeat(Workspace workspace, long taken) {
    Plan plan = workspace.plan();
    if (taken >= plan.members()) {
      throw new ForbiddenException(
          ErrorCode.PLAN_LIMIT_REACHED,
          "The "
              + plan.id()
              + " plan allows "
              + plan.members()
              + " people in the team, open invitations included; upgrade the plan or remove"
              + " someone first");
    }
  }

  private static ValidationException invalid() {
    return new ValidationException(
        "token", "is invalid, expired or already used; ask for a new invitation");
  }
}
