package com.minichat.application.service.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.minichat.application.port.in.workspace.WorkspaceSettings;
import com.minichat.application.service.support.TenancyFixture;
import com.minichat.domain.access.Actor;
import com.minichat.domain.access.KeyActor;
import com.minichat.domain.access.UserActor;
import com.minichat.domain.apikey.ApiScope;
import com.minichat.domain.common.ForbiddenException;
import com.minichat.domain.common.NotFoundException;
import com.minichat.domain.team.Role;
import com.minichat.domain.user.User;
import com.minichat.domain.workspace.Workspace;
import com.minichat.domain.workspace.WorkspaceId;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What members, admins and API keys may read and change in a workspace. */
class WorkspaceRolesTest {
  private TenancyFixture fx;
  private WorkspaceService service;
  private User owner;
  private User admin;
  private User member;
  private Workspace workspace;

  @BeforeEach
  void setUp() {
    fx = new TenancyFixture();
    service = fx.workspaceService;
    owner = fx.user("Owner");
    admin = fx.user("Admin");
    member = fx.user("Member");
    workspace = fx.workspace(owner, "Coffee");
    fx.join(workspace, admin, Role.ADMIN);
    fx.join(workspace, member, Role.MEMBER);
  }

  private static Actor as(User user) {
    return new UserActor(user.id());
  }

  private static WorkspaceSettings renamed(String name) {
    return new WorkspaceSettings(name, null, null, null, null, null);
  }

  private Workspace stored() {
    return fx.workspaces.findById(workspace.id()).orElseThrow();
  }

  @Test
  void everyRoleMayReadTheWorkspace() {
    assertEquals(workspace, service.get(as(owner), workspace.id()));
    assertEquals(workspace, service.get(as(admin), workspace.id()));
    assertEquals(workspace, service.get(as(member), workspace.id()));
  }

  @Test
  void aMemberMayReadButNotUpdate() {
    assertThrows(
        ForbiddenException.class,
        () -> service.update(as(member), workspace.id(), renamed("Mine now")));

    assertEquals(workspace, stored());
  }

  @Test
  void anAdminMayUpdate() {
    fx.clock.advance(Duration.ofMinutes(5));

    Workspace updated = service.update(as(admin), workspace.id(), renamed("Tea"));

    assertEquals("Tea", updated.name());
    assertEquals(owner.id(), updated.ownerId());
    assertEquals(TenancyFixture.T0.plus(Duration.ofMinutes(5)), updated.updatedAt());
    assertEquals(updated, stored());
  }

  @Test
  void theOwnerMayUpdate() {
    assertEquals("Tea", service.update(as(owner), workspace.id(), renamed("Tea")).name());
  }

  @Test
  void outsidersAreNotFoundRatherThanForbidden() {
    User outsider = fx.user("Outsider");

    assertThrows(NotFoundException.class, () -> service.get(as(outsider), workspace.id()));
    assertThrows(
        NotFoundException.class,
        () -> service.update(as(outsider), workspace.id(), renamed("Taken")));
    assertEquals(workspace, stored());
  }

  @Test
  void aReadKeyMayGetButNotUpdate() {
    KeyActor key = fx.keyActor(owner, workspace.id(), ApiScope.READ);

    assertEquals(workspace, service.get(key, workspace.id()));
    assertThrows(
        ForbiddenException.class, () -> service.update(key, workspace.id(), renamed("Keyed")));
    assertEquals(workspace, stored());
  }

  @Test
  void aWriteKeyMayNotUpdateEither() {
    KeyActor key = fx.keyActor(owner, workspace.id(), ApiScope.WRITE);

    assertEquals(workspace, service.get(key, workspace.id()));
    assertThrows(
        ForbiddenException.class, () -> service.update(key, workspace.id(), renamed("Keyed")));
  }

  @Test
  void anAdminKeyMayUpdate() {
    KeyActor key = fx.keyActor(admin, workspace.id(), ApiScope.ADMIN);

    Workspace updated = service.update(key, workspace.id(), renamed("Keyed"));

    assertEquals("Keyed", updated.name());
    assertEquals(updated, stored());
  }

  @Test
  void anAdminKeyMayTurnOnTheTwoFactorRequirement() {
    KeyActor key = fx.keyActor(owner, workspace.id(), ApiScope.ADMIN);

    Workspace updated =
        service.update(
            key, workspace.id(), new WorkspaceSettings(null, null, null, null, null, null, true));

    assertTrue(updated.requireTwoFactor());
  }

  @Test
  void aKeyOfAnotherWorkspaceFindsNothing() {
    Workspace other = fx.workspace(owner, "Other");
    KeyActor othersKey = fx.keyActor(owner, other.id(), ApiScope.ADMIN);

    NotFoundException onGet =
        assertThrows(NotFoundException.class, () -> service.get(othersKey, workspace.id()));
    assertThrows(
        NotFoundException.class, () -> service.update(othersKey, workspace.id(), renamed("Keyed")));
    NotFoundException unknown =
        assertThrows(NotFoundException.class, () -> service.get(as(owner), WorkspaceId.generate()));

    assertEquals(unknown.getMessage(), onGet.getMessage());
    assertEquals(workspace, stored());
  }

  @Test
  void rotateWidgetKeyGivesANewKeyAndTheOldOneFindsNothing() {
    fx.clock.advance(Duration.ofMinutes(1));

    Workspace rotated = service.rotateWidgetKey(admin.id(), workspace.id());

    assertNotEquals(workspace.widgetKey(), rotated.widgetKey());
    assertTrue(rotated.widgetKey().value().startsWith("wk_"), rotated.widgetKey().value());
    assertEquals(Optional.empty(), fx.workspaces.findByWidgetKey(workspace.widgetKey()));
    assertEquals(Optional.of(rotated), fx.workspaces.findByWidgetKey(rotated.widgetKey()));
    assertEquals(rotated, stored());
    assertEquals(workspace.name(), rotated.name());
    assertEquals(TenancyFixture.T0.plus(Duration.ofMinutes(1)), rotated.updatedAt());
  }

  @Test
  void aMemberCannotRotateTheWidgetKey() {
    assertThrows(
        ForbiddenException.class, () -> service.rotateWidgetKey(member.id(), workspace.id()));
    assertThrows(
        NotFoundException.class,
        () -> service.rotateWidgetKey(fx.user("Outsider").id(), workspace.id()));

    assertEquals(workspace, stored());
  }
}
