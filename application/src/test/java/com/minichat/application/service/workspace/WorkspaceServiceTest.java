package com.minichat.application.service.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.minichat.application.fake.InMemoryUserRepository;
import com.minichat.application.fake.InMemoryWorkspaceRepository;
import com.minichat.application.port.in.workspace.WorkspaceSettings;
import com.minichat.application.service.support.TestClock;
import com.minichat.domain.common.FieldViolation;
import com.minichat.domain.common.NotFoundException;
import com.minichat.domain.common.ValidationException;
import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.FaqEntry;
import com.minichat.domain.workspace.Workspace;
import com.minichat.domain.workspace.WorkspaceId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WorkspaceServiceTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123Z");
  private static final UserId OWNER = new UserId("owner");
  private static final UserId STRANGER = new UserId("stranger");

  private InMemoryWorkspaceRepository repository;
  private InMemoryUserRepository users;
  private TestClock clock;
  private WorkspaceService service;

  @BeforeEach
  void setUp() {
    repository = new InMemoryWorkspaceRepository();
    clock = TestClock.fixedAt(T0);
    users = new InMemoryUserRepository();
    service = new WorkspaceService(repository, new WorkspaceAccess(repository, users), clock);
  }

  private static WorkspaceSettings named(String name) {
    return new WorkspaceSettings(name, null, null, null, null, null);
  }

  private static WorkspaceSettings full() {
    return new WorkspaceSettings(
        "Coffee",
        "สวัสดีค่ะ",
        "You are a barista.",
        List.of(new FaqEntry("Open?", "8–18")),
        List.of("shop.example.com"),
        90);
  }

  @Test
  void createGivesAWidgetKeyTheDefaultRetentionAndOwnerMembership() {
    Workspace workspace = service.create(OWNER, named("  Coffee "));

    assertTrue(workspace.widgetKey().value().startsWith("wk_"), workspace.widgetKey().value());
    assertEquals(365, workspace.dataRetentionDays());
    assertEquals("Coffee", workspace.name());
    assertEquals(OWNER, workspace.ownerId());
    assertTrue(workspace.isMember(OWNER));
    assertEquals(T0, workspace.createdAt());
    assertEquals(T0, workspace.updatedAt());
    assertEquals(Optional.of(workspace), repository.findById(workspace.id()));
  }

  @Test
  void createKeepsEveryGivenSetting() {
    Workspace workspace = service.create(OWNER, full());

    assertEquals("สวัสดีค่ะ", workspace.welcomeMessage());
    assertEquals("You are a barista.", workspace.systemPrompt());
    assertEquals(List.of(new FaqEntry("Open?", "8–18")), workspace.faq());
    assertEquals(List.of("shop.example.com"), workspace.allowedDomains());
    assertEquals(90, workspace.dataRetentionDays());
  }

  @Test
  void everyWorkspaceGetsItsOwnWidgetKey() {
    Workspace first = service.create(OWNER, named("One"));
    Workspace second = service.create(OWNER, named("Two"));

    assertNotEquals(first.widgetKey(), second.widgetKey());
    assertNotEquals(first.id(), second.id());
  }

  @Test
  void createReportsEveryInvalidSettingAndStoresNothing() {
    WorkspaceSettings invalid =
        new WorkspaceSettings(null, null, null, null, List.of("http://x.com"), 0);

    ValidationException e =
        assertThrows(ValidationException.class, () -> service.create(OWNER, invalid));

    assertEquals(
        List.of("name", "dataRetentionDays", "allowedDomains[0]"),
        e.violations().stream().map(FieldViolation::field).toList());
    assertEquals(List.of(), repository.all());
  }

  @Test
  void listReturnsOnlyTheCallersWorkspacesOldestFirst() {
    Workspace first = service.create(OWNER, named("First"));
    clock.advance(Duration.ofMinutes(1));
    service.create(STRANGER, named("Not mine"));
    clock.advance(Duration.ofMinutes(1));
    Workspace second = service.create(OWNER, named("Second"));

    assertEquals(List.of(first, second), service.list(OWNER));
    assertEquals(List.of(), service.list(new UserId("newcomer")));
  }

  @Test
  void getReturnsTheMembersWorkspace() {
    Workspace workspace = service.create(OWNER, full());

    assertEquals(workspace, service.get(OWNER, workspace.id()));
  }

  @Test
  void nonMembersAndUnknownIdsAreNotFoundAlike() {
    Workspace workspace = service.create(OWNER, full());

    NotFoundException notMember =
        assertThrows(NotFoundException.class, () -> service.get(STRANGER, workspace.id()));
    NotFoundException unknown =
        assertThrows(NotFoundException.class, () -> service.get(OWNER, WorkspaceId.generate()));

    assertEquals(notMember.getMessage(), unknown.getMessage());
  }

  @Test
  void updateByANonMemberIsNotFoundAndChangesNothing() {
    Workspace workspace = service.create(OWNER, full());

    assertThrows(
        NotFoundException.class,
        () -> service.update(STRANGER, workspace.id(), named("Taken over")));
    assertThrows(
        NotFoundException.class,
        () -> service.update(OWNER, WorkspaceId.generate(), named("Nowhere")));
    assertEquals(Optional.of(workspace), repository.findById(workspace.id()));
  }

  @Test
  void updateChangesOnlyTheGivenSettingsAndTheUpdateTime() {
    Workspace original = service.create(OWNER, full());
    clock.advance(Duration.ofHours(2));

    Workspace updated =
        service.update(
            OWNER, original.id(), new WorkspaceSettings(null, "Hello!", null, null, null, 30));

    assertEquals("Coffee", updated.name());
    assertEquals("Hello!", updated.welcomeMessage());
    assertEquals(original.systemPrompt(), updated.systemPrompt());
    assertEquals(original.faq(), updated.faq());
    assertEquals(original.allowedDomains(), updated.allowedDomains());
    assertEquals(30, updated.dataRetentionDays());
    assertEquals(original.id(), updated.id());
    assertEquals(original.ownerId(), updated.ownerId());
    assertEquals(original.widgetKey(), updated.widgetKey());
    assertEquals(T0, updated.createdAt());
    assertEquals(T0.plus(Duration.ofHours(2)), updated.updatedAt());
    assertEquals(Optional.of(updated), repository.findById(original.id()));
  }

  @Test
  void updateWithNothingSetOnlyTouchesTheUpdateTime() {
    Workspace original = service.create(OWNER, full());
    clock.advance(Duration.ofSeconds(1));

    Workspace updated =
        service.update(
            OWNER, original.id(), new WorkspaceSettings(null, null, null, null, null, null));

    assertEquals(
        new Workspace(
            original.id(),
            original.name(),
            original.ownerId(),
            original.widgetKey(),
            original.welcomeMessage(),
            original.systemPrompt(),
            original.faq(),
            original.allowedDomains(),
            original.dataRetentionDays(),
            original.createdAt(),
            T0.plusSeconds(1)),
        updated);
  }

  @Test
  void emptyListsClearTheirSetting() {
    Workspace original = service.create(OWNER, full());

    Workspace updated =
        service.update(
            OWNER,
            original.id(),
            new WorkspaceSettings(null, null, null, List.of(), List.of(), null));

    assertEquals(List.of(), updated.faq());
    assertEquals(List.of(), updated.allowedDomains());
  }

  @Test
  void invalidUpdateIsRefusedAndTheStoredWorkspaceKept() {
    Workspace original = service.create(OWNER, full());
    clock.advance(Duration.ofSeconds(1));

    ValidationException e =
        assertThrows(
            ValidationException.class,
            () ->
                service.update(
                    OWNER,
                    original.id(),
                    new WorkspaceSettings(
                        " ", null, null, List.of(new FaqEntry("q", "")), null, 5000)));

    assertEquals(
        List.of("name", "dataRetentionDays", "faq[0].answer"),
        e.violations().stream().map(FieldViolation::field).toList());
    assertEquals(Optional.of(original), repository.findById(original.id()));
  }
}
