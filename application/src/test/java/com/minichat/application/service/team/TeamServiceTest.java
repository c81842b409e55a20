package com.minichat.application.service.team;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.minichat.application.port.in.team.TeamMember;
import com.minichat.application.port.in.workspace.MemberWorkspace;
import com.minichat.application.service.support.TenancyFixture;
import com.minichat.domain.access.UserActor;
import com.minichat.domain.common.ConflictException;
import com.minichat.domain.common.ForbiddenException;
import com.minichat.domain.common.NotFoundException;
import com.minichat.domain.common.PageRequest;
import com.minichat.domain.common.ValidationException;
import com.minichat.domain.team.Membership;
import com.minichat.domain.team.Permission;
import com.minichat.domain.team.Role;
import com.minichat.domain.user.User;
import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.Workspace;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TeamServiceTest {
  private TenancyFixture fx;
  private TeamService team;
  private User owner;
  private User admin;
  private User member;
  private User outsider;
  private Workspace workspace;

  @BeforeEach
  void setUp() {
    fx = new TenancyFixture();
    team = fx.team;
    owner = fx.user("Owner");
    admin = fx.user("Admin");
    member = fx.user("Member");
    outsider = fx.user("Outsider");
    workspace = fx.workspace(owner, "Coffee");
    fx.clock.advance(Duration.ofMinutes(1));
    fx.join(workspace, admin, Role.ADMIN);
    fx.clock.advance(Duration.ofMinutes(1));
    fx.join(workspace, member, Role.MEMBER);
    fx.clock.advance(Duration.ofMinutes(1));
  }

  private Role roleOf(User user) {
    return fx.roleOf(workspace.id(), user);
  }

  private List<UserId> memberIds() {
    return fx.memberships.findByWorkspace(workspace.id()).stream().map(Membership::userId).toList();
  }

  private void assertExactlyOneOwner(User expected) {
    assertEquals(List.of(expected.id()), fx.owners(workspace.id()));
    assertEquals(
        expected.id(), fx.workspaces.findById(workspace.id()).orElseThrow().ownerId(), "ownerId");
  }

  @Test
  void everyMemberSeesTheTeamInTheOrderTheyJoined() {
    for (User viewer : List.of(owner, admin, member)) {
      List<TeamMember> members = team.members(viewer.id(), workspace.id());

      assertEquals(
          List.of(owner, admin, member),
          members.stream().map(TeamMember::user).toList(),
          viewer.name());
      assertEquals(
          List.of(Role.OWNER, Role.ADMIN, Role.MEMBER),
          members.stream().map(joined -> joined.membership().role()).toList(),
          viewer.name());
    }
  }

  @Test
  void outsidersCannotSeeTheTeam() {
    assertThrows(NotFoundException.class, () -> team.members(outsider.id(), workspace.id()));
  }

  @Test
  void anAdminChangesAMembersRole() {
    Instant now = fx.clock.peek();

    Membership changed = team.changeRole(admin.id(), workspace.id(), member.id(), Role.ADMIN);

    assertEquals(Role.ADMIN, changed.role());
    assertEquals(now, changed.updatedAt());
    assertEquals(Role.ADMIN, roleOf(member));
    assertEquals(List.of(owner.id(), admin.id(), member.id()), memberIds(), "the join order stays");

    team.changeRole(owner.id(), workspace.id(), admin.id(), Role.MEMBER);

    assertEquals(Role.MEMBER, roleOf(admin));
  }

  @Test
  void aMemberCannotChangeRoles() {
    User other = fx.user("Other");
    fx.join(workspace, other, Role.MEMBER);

    assertThrows(
        ForbiddenException.class,
        () -> team.changeRole(member.id(), workspace.id(), other.id(), Role.ADMIN));
    assertThrows(
        ForbiddenException.class,
        () -> team.changeRole(member.id(), workspace.id(), member.id(), Role.ADMIN));
    assertThrows(
        NotFoundException.class,
        () -> team.changeRole(outsider.id(), workspace.id(), member.id(), Role.ADMIN));

    assertEquals(Role.MEMBER, roleOf(other));
    assertEquals(Role.MEMBER, roleOf(member));
  }

  @Test
  void theOwnersRoleCannotChange() {
    assertThrows(
        ConflictException.class,
        () -> team.changeRole(admin.id(), workspace.id(), owner.id(), Role.MEMBER));
    assertThrows(
        ConflictException.class,
        () -> team.changeRole(owner.id(), workspace.id(), owner.id(), Role.ADMIN));

    assertExactlyOneOwner(owner);
  }

  @Test
  void ownerCannotBeAssignedAsARole() {
    assertThrows(
        ValidationException.class,
        () -> team.changeRole(owner.id(), workspace.id(), admin.id(), Role.OWNER));
    assertThrows(
        ValidationException.class,
        () -> team.changeRole(admin.id(), workspace.id(), member.id(), Role.OWNER));
    assertThrows(
        ValidationException.class,
        () -> team.changeRole(admin.id(), workspace.id(), member.id(), null));

    assertEquals(Role.ADMIN, roleOf(admin));
    assertEquals(Role.MEMBER, roleOf(member));
    assertExactlyOneOwner(owner);
  }

  @Test
  void changingTheRoleOfSomeoneWhoIsNoMemberIsNotFound() {
    assertThrows(
        NotFoundException.class,
        () -> team.changeRole(admin.id(), workspace.id(), outsider.id(), Role.ADMIN));

    assertNull(roleOf(outsider));
  }

  @Test
  void anAdminRemovesAMember() {
    team.remove(admin.id(), workspace.id(), member.id());

    assertEquals(List.of(owner.id(), admin.id()), memberIds());
  }

  @Test
  void aMemberCannotRemoveOthers() {
    assertThrows(
        ForbiddenException.class, () -> team.remove(member.id(), workspace.id(), admin.id()));
    assertThrows(
        NotFoundException.class, () -> team.remove(outsider.id(), workspace.id(), member.id()));

    assertEquals(List.of(owner.id(), admin.id(), member.id()), memberIds());
  }

  @Test
  void aMemberMayLeave() {
    team.remove(member.id(), workspace.id(), member.id());

    assertNull(roleOf(member));
    assertThrows(NotFoundException.class, () -> team.members(member.id(), workspace.id()));
  }

  @Test
  void theOwnerCannotBeRemovedNorLeave() {
    assertThrows(
        ConflictException.class, () -> team.remove(admin.id(), workspace.id(), owner.id()));
    assertThrows(
        ConflictException.class, () -> team.remove(owner.id(), workspace.id(), owner.id()));

    assertExactlyOneOwner(owner);
  }

  @Test
  void removingSomeoneWhoIsNoMemberIsNotFound() {
    assertThrows(
        NotFoundException.class, () -> team.remove(admin.id(), workspace.id(), outsider.id()));
  }

  @Test
  void aRemovedMemberLosesAccessAtOnce() {
    assertEquals(
        workspace,
        fx.access.require(member.id(), workspace.id(), Permission.READ_WORKSPACE).workspace());
    UserActor stillSignedIn = new UserActor(member.id());

    team.remove(admin.id(), workspace.id(), member.id());

    assertThrows(
        NotFoundException.class,
        () -> fx.access.require(member.id(), workspace.id(), Permission.READ_WORKSPACE));
    assertThrows(
        NotFoundException.class,
        () -> fx.access.require(stillSignedIn, workspace.id(), Permission.READ_WORKSPACE));
    assertThrows(
        NotFoundException.class, () -> fx.workspaceService.get(stillSignedIn, workspace.id()));
  }

  @Test
  void aDemotedAdminLosesAdminRightsAtOnce() {
    team.changeRole(owner.id(), workspace.id(), admin.id(), Role.MEMBER);

    assertThrows(
        ForbiddenException.class,
        () -> fx.access.require(admin.id(), workspace.id(), Permission.MANAGE_MEMBERS));
    assertThrows(
        ForbiddenException.class, () -> team.remove(admin.id(), workspace.id(), member.id()));
  }

  @Test
  void theOwnerTransfersOwnershipAndBecomesAnAdmin() {
    Instant now = fx.clock.peek();

    team.transferOwnership(owner.id(), workspace.id(), member.id());

    assertEquals(Role.OWNER, roleOf(member));
    assertEquals(Role.ADMIN, roleOf(owner));
    assertEquals(Role.ADMIN, roleOf(admin));
    assertExactlyOneOwner(member);
    Workspace stored = fx.workspaces.findById(workspace.id()).orElseThrow();
    assertEquals(now, stored.updatedAt());
    assertEquals(workspace.name(), stored.name());
    assertEquals(workspace.widgetKey(), stored.widgetKey());
    // The rights follow the role.
    assertThrows(
        ForbiddenException.class,
        () -> fx.access.require(owner.id(), workspace.id(), Permission.DELETE_WORKSPACE));
    fx.access.require(member.id(), workspace.id(), Permission.DELETE_WORKSPACE);
  }

  @Test
  void ownershipCanBeHandedOnAgain() {
    team.transferOwnership(owner.id(), workspace.id(), admin.id());
    team.transferOwnership(admin.id(), workspace.id(), member.id());

    assertExactlyOneOwner(member);
    assertEquals(Role.ADMIN, roleOf(owner));
    assertEquals(Role.ADMIN, roleOf(admin));
    assertThrows(
        ForbiddenException.class,
        () -> team.transferOwnership(owner.id(), workspace.id(), owner.id()));
  }

  @Test
  void onlyTheOwnerMayTransferOwnership() {
    assertThrows(
        ForbiddenException.class,
        () -> team.transferOwnership(admin.id(), workspace.id(), admin.id()));
    assertThrows(
        ForbiddenException.class,
        () -> team.transferOwnership(admin.id(), workspace.id(), member.id()));
    assertThrows(
        ForbiddenException.class,
        () -> team.transferOwnership(member.id(), workspace.id(), member.id()));
    assertThrows(
        NotFoundException.class,
        () -> team.transferOwnership(outsider.id(), workspace.id(), outsider.id()));

    assertExactlyOneOwner(owner);
    assertEquals(Role.ADMIN, roleOf(admin));
    assertEquals(Role.MEMBER, roleOf(member));
  }

  @Test
  void ownershipGoesOnlyToAnotherMember() {
    assertThrows(
        NotFoundException.class,
        () -> team.transferOwnership(owner.id(), workspace.id(), outsider.id()));
    assertThrows(
        ValidationException.class,
        () -> team.transferOwnership(owner.id(), workspace.id(), owner.id()));

    assertExactlyOneOwner(owner);
    assertNull(roleOf(outsider));
  }

  private List<MemberWorkspace> listed(User user) {
    return fx.workspaceService.list(user.id(), PageRequest.first()).items();
  }

  @Test
  void theWorkspaceListFollowsRoleChangesTransfersAndRemovals() {
    team.transferOwnership(owner.id(), workspace.id(), admin.id());
    team.changeRole(admin.id(), workspace.id(), member.id(), Role.ADMIN);
    Workspace current = fx.workspaces.findById(workspace.id()).orElseThrow();

    assertEquals(List.of(new MemberWorkspace(current, Role.ADMIN)), listed(owner));
    assertEquals(List.of(new MemberWorkspace(current, Role.OWNER)), listed(admin));
    assertEquals(List.of(new MemberWorkspace(current, Role.ADMIN)), listed(member));

    team.remove(admin.id(), workspace.id(), member.id());

    assertEquals(List.of(), listed(member));
  }
}
