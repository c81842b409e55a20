package com.minichat.application.service.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.minichat.application.fake.InMemoryUserRepository;
import com.minichat.application.fake.InMemoryWorkspaceRepository;
import com.minichat.application.port.in.workspace.WorkspaceSettings;
import com.minichat.domain.common.FieldViolation;
import com.minichat.domain.common.ForbiddenException;
import com.minichat.domain.common.NotFoundException;
import com.minichat.domain.common.ValidationException;
import com.minichat.domain.user.Email;
import com.minichat.domain.user.TwoFactor;
import com.minichat.domain.user.User;
import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.Workspace;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A workspace can require two-factor authentication of everyone who uses it. */
class WorkspaceAccessTest {
  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

  private InMemoryUserRepository users;
  private WorkspaceService service;
  private User owner;

  @BeforeEach
  void setUp() {
    InMemoryWorkspaceRepository workspaces = new InMemoryWorkspaceRepository();
    users = new InMemoryUserRepository();
    service =
        new WorkspaceService(
            workspaces, new WorkspaceAccess(workspaces, users), Clock.fixed(NOW, ZoneOffset.UTC));
    owner = new User(UserId.generate(), new Email("owner@example.com"), "Owner", "h", NOW, NOW);
    users.insert(owner);
  }

  private void turnOnTwoFactor() {
    users.update(
        owner.withTwoFactor(TwoFactor.pending("secret").activated(List.of(), 1), true, NOW));
  }

  private static WorkspaceSettings requiring(boolean required) {
    return new WorkspaceSettings(null, null, null, null, null, null, required);
  }

  @Test
  void someoneWithoutTwoFactorCannotTurnTheRequirementOn() {
    Workspace workspace =
        service.create(owner.id(), new WorkspaceSettings("Shop", null, null, null, null, null));

    ValidationException e =
        assertThrows(
            ValidationException.class,
            () -> service.update(owner.id(), workspace.id(), requiring(true)));

    assertEquals(
        List.of("requireTwoFactor"), e.violations().stream().map(FieldViolation::field).toList());
  }

  @Test
  void membersWithoutTwoFactorAreRefusedOnceItIsRequired() {
    turnOnTwoFactor();
    Workspace workspace =
        service.create(owner.id(), new WorkspaceSettings("Shop", null, null, null, null, null));
    Workspace required = service.update(owner.id(), workspace.id(), requiring(true));
    assertTrue(required.requireTwoFactor());
    assertEquals(required, service.get(owner.id(), workspace.id()));

    users.update(
        users.findById(owner.id()).orElseThrow().withTwoFactor(TwoFactor.DISABLED, true, NOW));

    assertThrows(ForbiddenException.class, () -> service.get(owner.id(), workspace.id()));
  }

  @Test
  void outsidersStillSeeNothing() {
    Workspace workspace =
        service.create(owner.id(), new WorkspaceSettings("Shop", null, null, null, null, null));

    assertThrows(NotFoundException.class, () -> service.get(UserId.generate(), workspace.id()));
  }
}
