package com.minichat.application.service.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.minichat.application.port.in.apikey.CreatedApiKey;
import com.minichat.application.port.in.workspace.MemberWorkspace;
import com.minichat.application.port.in.workspace.WorkspaceSettings;
import com.minichat.application.service.support.TenancyFixture;
import com.minichat.domain.access.KeyActor;
import com.minichat.domain.access.UserActor;
import com.minichat.domain.apikey.ApiScope;
import com.minichat.domain.common.AuthenticationException;
import com.minichat.domain.common.ForbiddenException;
import com.minichat.domain.common.NotFoundException;
import com.minichat.domain.common.PageRequest;
import com.minichat.domain.team.Permission;
import com.minichat.domain.team.Role;
import com.minichat.domain.user.User;
import com.minichat.domain.workspace.Workspace;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Deleting a workspace (owner only) hides it from everyone; the owner can restore it for 30 days.
 */
class WorkspaceDeletionTest {
  private TenancyFixture fx;
  private WorkspaceService service;
  private User owner;
  private User admin;
  private User member;
  private Workspace workspace;
  private Workspace kept;
  private CreatedApiKey key;

  @BeforeEach
  void setUp() {
    fx = new TenancyFixture();
    service = fx.workspaceService;
    owner = fx.user("Owner");
    admin = fx.user("Admin");
    member = fx.user("Member");
    workspace = fx.workspace(owner, "Coffee");
    kept = fx.workspace(owner, "Tea");
    fx.join(workspace, admin, Role.ADMIN);
    fx.join(workspace, member, Role.MEMBER);
    key = fx.apiKeys.create(owner.id(), workspace.id(), "ci", ApiScope.ADMIN, null);
  }

  private List<Workspace> listed(User user) {
    return service.list(user.id(), PageRequest.first()).items().stream()
        .map(MemberWorkspace::workspace)
        .toList();
  }

  private void assertGoneForEveryone() {
    for (User user : List.of(owner, admin, member)) {
      assertThrows(
          NotFoundException.class,
          () -> service.get(new UserActor(user.id()), workspace.id()),
          user.name());
      assertThrows(
          NotFoundException.class,
          () -> fx.access.require(user.id(), workspace.id(), Permission.READ_WORKSPACE),
          user.name());
      assertFalse(listed(user).contains(workspace), user.name());
    }
    assertEquals(List.of(kept), listed(owner));
    assertEquals(Optional.empty(), fx.workspaces.findByWidgetKey(workspace.widgetKey()));
    assertThrows(AuthenticationException.class, () -> fx.apiKeys.authenticate(key.secret()));
    assertThrows(
        NotFoundException.class, () -> service.get(new KeyActor(key.key()), workspace.id()));
  }

  @Test
  void theOwnerDeletesAndTheWorkspaceDisappearsForEveryoneKeysIncluded() {
    service.delete(owner.id(), workspace.id());

    assertGoneForEveryone();
    assertThrows(
        NotFoundException.class,
        () ->
            service.update(
                new UserActor(owner.id()),
                workspace.id(),
                new WorkspaceSettings("Back", null, null, null, null, null)));
    assertThrows(NotFoundException.class, () -> service.delete(owner.id(), workspace.id()));
    assertEquals(kept, service.get(new UserActor(owner.id()), kept.id()));
  }

  @Test
  void onlyTheOwnerMayDelete() {
    assertThrows(ForbiddenException.class, () -> service.delete(admin.id(), workspace.id()));
    assertThrows(ForbiddenException.class, () -> service.delete(member.id(), workspace.id()));
    assertThrows(
        NotFoundException.class, () -> service.delete(fx.user("Outsider").id(), workspace.id()));

    assertEquals(Optional.of(workspace), fx.workspaces.findById(workspace.id()));
    assertEquals(Optional.empty(), fx.workspaces.findDeleted(workspace.id()));
  }

  @Test
  void theOwnerRestoresWithinThirtyDaysAndEveryoneGetsItBack() {
    service.delete(owner.id(), workspace.id());
    fx.clock.advance(WorkspaceService.RESTORE_PERIOD.minusMillis(1));

    Workspace restored = service.restore(owner.id(), workspace.id());

    assertEquals(workspace, restored);
    assertEquals(Optional.of(workspace), fx.workspaces.findById(workspace.id()));
    assertEquals(Optional.empty(), fx.workspaces.findDeleted(workspace.id()));
    assertEquals(workspace, service.get(new UserActor(member.id()), workspace.id()));
    assertEquals(List.of(workspace), listed(admin));
    assertEquals(Optional.of(workspace), fx.workspaces.findByWidgetKey(workspace.widgetKey()));
    assertEquals(key.key().id(), fx.apiKeys.authenticate(key.secret()).key().id());
  }

  @Test
  void restoringIsRefusedThirtyDaysAfterTheDeletion() {
    service.delete(owner.id(), workspace.id());
    fx.clock.advance(Duration.ofDays(30));

    assertThrows(NotFoundException.class, () -> service.restore(owner.id(), workspace.id()));

    assertTrue(fx.workspaces.findDeleted(workspace.id()).isPresent());
    assertGoneForEveryone();
  }

  @Test
  void anAdminOrMemberCannotRestore() {
    service.delete(owner.id(), workspace.id());

    assertThrows(NotFoundException.class, () -> service.restore(admin.id(), workspace.id()));
    assertThrows(NotFoundException.class, () -> service.restore(member.id(), workspace.id()));
    assertThrows(
        NotFoundException.class, () -> service.restore(fx.user("Outsider").id(), workspace.id()));

    assertTrue(fx.workspaces.findDeleted(workspace.id()).isPresent());
    assertGoneForEveryone();
  }

  @Test
  void aLiveWorkspaceCannotBeRestored() {
    assertThrows(NotFoundException.class, () -> service.restore(owner.id(), workspace.id()));

    assertEquals(Optional.of(workspace), fx.workspaces.findById(workspace.id()));
  }
}
