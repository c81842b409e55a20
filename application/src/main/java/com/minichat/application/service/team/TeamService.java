package com.minichat.application.service.team;

import com.minichat.application.port.in.team.TeamMember;
import com.minichat.application.port.in.team.TeamUseCase;
import com.minichat.application.port.out.team.MembershipRepository;
import com.minichat.application.port.out.user.UserRepository;
import com.minichat.application.port.out.workspace.WorkspaceRepository;
import com.minichat.application.service.workspace.WorkspaceAccess;
import com.minichat.application.service.workspace.WorkspaceAccess.Grant;
import com.minichat.domain.common.ConflictException;
import com.minichat.domain.common.NotFoundException;
import com.minichat.domain.common.ValidationException;
import com.minichat.domain.team.Membership;
import com.minichat.domain.team.Permission;
import com.minichat.domain.team.Role;
import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Members, roles and ownership of workspaces. */
public final class TeamService implements TeamUseCase {
  private static final Logger LOG = LoggerFactory.getLogger(TeamService.class);

  private final WorkspaceRepository workspaces;
  private final MembershipRepository memberships;
  private final UserRepository users;
  private final WorkspaceAccess access;
  private final Clock clock;

  public TeamService(
      WorkspaceRepository workspaces,
      MembershipRepository memberships,
      UserRepository users,
      WorkspaceAccess access,
      Clock clock) {
    this.workspaces = workspaces;
    this.memberships = memberships;
    this.users = users;
    this.access = access;
    this.clock = clock;
  }

  @Override
  public List<TeamMember> members(UserId actor, WorkspaceId workspaceId) {
    access.require(actor, workspaceId, Permission.READ_WORKSPACE);
    return memberships.findByWorkspace(workspaceId).stream()
        .flatMap(
            membership ->
                users.findById(membership.userId()).stream()
                    .map(user -> new TeamMember(membership, user)))
        .toList();
  }

  @Override
  public Membership changeRole(UserId actor, WorkspaceId workspaceId, UserId member, Role role) {
    access.require(actor, workspaceId, Permission.MANAGE_MEMBERS);
    if (role == null || role == Role.OWNER) {
      throw new ValidationException(
          "role", "must be admin or member; ownership is transferred instead");
    }
    Membership target = memberOf(workspaceId, member);
    if (target.role() == Role.OWNER) {
      throw new ConflictException("The owner's role cannot change; transfer the ownership first");
    }
    Membership changed = target.withRole(role, clock.instant());
    if (!memberships.update(changed, target.role())) {
      throw changedMeanwhile();
    }
    LOG.info(
        "member role changed workspaceId={} userId={} role={}",
        workspaceId.value(),
        member.value(),
        role);
    return changed;
  }

  @Override
  public void remove(UserId actor, WorkspaceId workspaceId, UserId member) {
    // Leaving needs only the membership itself, even where 2FA is required and off.
    if (!actor.equals(member)) {
      access.require(actor, workspaceId, Permission.MANAGE_MEMBERS);
    }
    Membership target = memberOf(workspaceId, member);
    if (target.role() == Role.OWNER) {
      throw new ConflictException("The owner cannot be removed; transfer the ownership first");
    }
    if (!memberships.delete(workspaceId, member, target.role())) {
      throw changedMeanwhile();
    }
    LOG.info("member removed workspaceId={} userId={}", workspaceId.value(), member.value());
  }

  @Override
  public void transferOwnership(UserId actor, WorkspaceId workspaceId, UserId newOwner) {
    Grant grant = access.require(actor, workspaceId, Permission.TRANSFER_OWNERSHIP);
    if (actor.equals(newOwner)) {
      throw new ValidationException("userId", "is already the owner");
    }
    Membership successor = memberOf(workspaceId, newOwner);
    Instant now = clock.instant();
    // Promote first, then demote, each only if nobody changed the roles meanwhile: at every moment
    // the workspace has an owner, and two racing transfers cannot leave two.
    if (!memberships.update(successor.withRole(Role.OWNER, now), successor.role())) {
      throw changedMeanwhile();
    }
    if (!memberships.update(grant.membership().withRole(Role.ADMIN, now), Role.OWNER)) {
      memberships.update(successor, Role.OWNER);
      throw changedMeanwhile();
    }
    workspaces.update(grant.workspace().withOwner(newOwner, now));
    LOG.info(
        "ownership transferred workspaceId={} from={} to={}",
        workspaceId.value(),
        actor.value(),
        newOwner.value());
  }

  private static ConflictException changedMeanwhile() {
    return new ConflictException("The team changed meanwhile; reload and try again");
  }

  private Membership memberOf(WorkspaceId workspaceId, UserId member) {
    return memberships
        .find(workspaceId, member)
        .orElseThrow(() -> new NotFoundException("Member not found"));
  }
}
