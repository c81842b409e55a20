package com.minichat.application.service.team;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.minichat.application.service.support.InterleavingMembershipRepository;
import com.minichat.application.service.support.TenancyFixture;
import com.minichat.application.service.workspace.WorkspaceAccess;
import com.minichat.domain.common.ConflictException;
import com.minichat.domain.team.Membership;
import com.minichat.domain.team.Role;
import com.minichat.domain.user.User;
import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.Workspace;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "There is always exactly one owner" when two requests on the team overlap.
 *
 * <p>BUG (TeamService): {@code changeRole}, {@code remove} and {@code transferOwnership} read a
 * membership, check its role and then write it back unconditionally; {@code MembershipRepository}
 * offers no compare-and-set, so a transfer that completes between another request's read and write
 * is overwritten. Two HTTP requests at the same moment are enough: the workspace is left with no
 * owner (nobody can delete it, restore it or transfer it again) or with two. These tests replay the
 * overlap deterministically: the second request runs right before the first one writes.
 */
class OwnershipRaceTest {
  private TenancyFixture fx;
  private InterleavingMembershipRepository memberships;
  private TeamService team;
  private User owner;
  private User admin;
  private User member;
  private Workspace workspace;

  @BeforeEach
  void setUp() {
    fx = new TenancyFixture();
    memberships = new InterleavingMembershipRepository(fx.memberships);
    team =
        new TeamService(
            fx.workspaces,
            memberships,
            fx.users,
            new WorkspaceAccess(fx.workspaces, memberships, fx.users),
            fx.clock);
    owner = fx.user("Owner");
    admin = fx.user("Admin");
    member = fx.user("Member");
    workspace = fx.workspace(owner, "Coffee");
    fx.join(workspace, admin, Role.ADMIN);
    fx.join(workspace, member, Role.MEMBER);
  }

  private List<UserId> ownerMemberships() {
    return fx.memberships.findByWorkspace(workspace.id()).stream()
        .filter(membership -> membership.role() == Role.OWNER)
        .map(Membership::userId)
        .toList();
  }

  @Test
  void aRoleChangeOverlappingATransferToTheSameMemberLeavesExactlyOneOwner() {
    // The admin promotes the member while the owner hands the workspace to them.
    memberships.beforeNextWriteOf(
        member.id(), () -> team.transferOwnership(owner.id(), workspace.id(), member.id()));

    assertThrows(
        ConflictException.class,
        () -> team.changeRole(admin.id(), workspace.id(), member.id(), Role.ADMIN),
        "the later change must notice the role changed meanwhile");

    UserId recordedOwner = fx.workspaces.findById(workspace.id()).orElseThrow().ownerId();
    assertEquals(List.of(recordedOwner), ownerMemberships());
  }

  @Test
  void twoOverlappingTransfersLeaveExactlyOneOwner() {
    // The owner hands the workspace to the member and, in another tab, to the admin.
    memberships.beforeNextWriteOf(
        member.id(), () -> team.transferOwnership(owner.id(), workspace.id(), admin.id()));

    assertThrows(
        ConflictException.class,
        () -> team.transferOwnership(owner.id(), workspace.id(), member.id()),
        "the later transfer must notice the owner changed meanwhile");

    UserId recordedOwner = fx.workspaces.findById(workspace.id()).orElseThrow().ownerId();
    assertEquals(List.of(recordedOwner), ownerMemberships());
  }
}
