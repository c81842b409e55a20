package com.minichat.application.service.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.minichat.application.fake.InMemoryMembershipRepository;
import com.minichat.application.fake.InMemoryUserRepository;
import com.minichat.application.fake.InMemoryWorkspaceRepository;
import com.minichat.application.port.in.workspace.WorkspaceSettings;
import com.minichat.domain.access.Actor;
import com.minichat.domain.access.KeyActor;
import com.minichat.domain.access.UserActor;
import com.minichat.domain.apikey.ApiKey;
import com.minichat.domain.apikey.ApiKeyId;
import com.minichat.domain.apikey.ApiScope;
import com.minichat.domain.common.FieldViolation;
import com.minichat.domain.common.ForbiddenException;
import com.minichat.domain.common.NotFoundException;
import com.minichat.domain.common.ValidationException;
import com.minichat.domain.team.Membership;
import com.minichat.domain.team.Role;
import com.minichat.domain.user.Email;
import com.minichat.domain.user.TwoFactor;
import com.minichat.domain.user.User;
import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.Workspace;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A workspace can require two-factor authentication of everyone who uses it. */
class WorkspaceAccessTest {
  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

  private InMemoryWorkspaceRepository workspaces;
  private InMemoryMembershipRepository memberships;
  private InMemoryUserRepository users;
  private WorkspaceService service;
  private User owner;
  private Actor ownerActor;

  @BeforeEach
  void setUp() {
    workspaces = new InMemoryWorkspaceRepository();
    memberships = new InMemoryMembershipRepository();
    users = new InMemoryUserRepository();
    service =
        new WorkspaceService(
            workspaces,
            memberships,
            new WorkspaceAccess(workspaces, memberships, users),
            Clock.fixed(NOW, ZoneOffset.UTC));
    owner = new User(UserId.generate(), new Email("owner@example.com"), "Owner", "h", NOW, NOW);
    users.insert(owner);
    ownerActor = new UserActor(owner.id());
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
            () -> service.update(ownerActor, workspace.id(), requiring(true)));

    assertEquals(
        List.of("requireTwoFactor"), e.violations().stream().map(FieldViolation::field).toList());
  }

  /**
   * BUG (WorkspaceService): the two-factor rule is checked while the constructor arguments are
   * evaluated, so it throws before {@code Workspace} validates the other settings; the caller then
   * learns only about {@code requireTwoFactor}, although the use case promises "listing every
   * invalid setting".
   */
  @Test
  void theTwoFactorRuleIsReportedTogetherWithEveryOtherInvalidSetting() {
    WorkspaceSettings invalid = new WorkspaceSettings(" ", null, null, null, null, 0, true);

    ValidationException onCreate =
        assertThrows(ValidationException.class, () -> service.create(owner.id(), invalid));

    assertEquals(
        Set.of("name", "dataRetentionDays", "requireTwoFactor"),
        onCreate.violations().stream().map(FieldViolation::field).collect(Collectors.toSet()));

    Workspace workspace =
        service.create(owner.id(), new WorkspaceSettings("Shop", null, null, null, null, null));
    ValidationException onUpdate =
        assertThrows(
            ValidationException.class, () -> service.update(ownerActor, workspace.id(), invalid));

    assertEquals(
        Set.of("name", "dataRetentionDays", "requireTwoFactor"),
        onUpdate.violations().stream().map(FieldViolation::field).collect(Collectors.toSet()));
  }

  @Test
  void membersWithoutTwoFactorAreRefusedOnceItIsRequired() {
    turnOnTwoFactor();
    Workspace workspace =
        service.create(owner.id(), new WorkspaceSettings("Shop", null, null, null, null, null));
    Workspace required = service.update(ownerActor, workspace.id(), requiring(true));
    assertTrue(required.requireTwoFactor());
    assertEquals(required, service.get(ownerActor, workspace.id()));

    users.update(
        users.findById(owner.id()).orElseThrow().withTwoFactor(TwoFactor.DISABLED, true, NOW));

    assertThrows(ForbiddenException.class, () -> service.get(ownerActor, workspace.id()));
  }

  @Test
  void outsidersStillSeeNothing() {
    Workspace workspace =
        service.create(owner.id(), new WorkspaceSettings("Shop", null, null, null, null, null));

    assertThrows(
        NotFoundException.class,
        () -> service.get(new UserActor(UserId.generate()), workspace.id()));
  }

  @Test
  void aPlainMemberWithoutTwoFactorIsRefusedWhileOneWithItGetsIn() {
    turnOnTwoFactor();
    Workspace workspace =
        service.create(owner.id(), new WorkspaceSettings("Shop", null, null, null, null, null));
    service.update(ownerActor, workspace.id(), requiring(true));
    User member =
        new User(UserId.generate(), new Email("member@example.com"), "Member", "h", NOW, NOW);
    users.insert(member);
    memberships.insert(new Membership(workspace.id(), member.id(), Role.MEMBER, NOW, NOW));
    Actor memberActor = new UserActor(member.id());

    assertThrows(ForbiddenException.class, () -> service.get(memberActor, workspace.id()));

    users.update(
        member.withTwoFactor(TwoFactor.pending("secret").activated(List.of(), 1), true, NOW));

    assertEquals(workspace.id(), service.get(memberActor, workspace.id()).id());
  }

  @Test
  void theOwnerIdAloneGrantsNothingWithoutAMembership() {
    Workspace workspace =
        service.create(owner.id(), new WorkspaceSettings("Shop", null, null, null, null, null));
    memberships.delete(workspace.id(), owner.id(), Role.OWNER);

    assertEquals(owner.id(), workspaces.findById(workspace.id()).orElseThrow().ownerId());
    assertThrows(NotFoundException.class, () -> service.get(ownerActor, workspace.id()));
  }

  @Test
  void aKeyIsNotHeldToTheTwoFactorRequirementOfPeople() {
    turnOnTwoFactor();
    Workspace workspace =
        service.create(owner.id(), new WorkspaceSettings("Shop", null, null, null, null, null));
    service.update(ownerActor, workspace.id(), requiring(true));
    KeyActor key =
        new KeyActor(
            new ApiKey(
                ApiKeyId.generate(),
                workspace.id(),
                "ci",
                "mc_live_abcd",
                "hash",
                ApiScope.READ,
                owner.id(),
                NOW,
                NOW.plus(ApiKey.DEFAULT_LIFETIME),
                null,
                null,
                null));

    assertEquals(workspace.id(), service.get(key, workspace.id()).id());
  }
}
