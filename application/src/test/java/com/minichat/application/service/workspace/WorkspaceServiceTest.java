package com.minichat.application.service.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.minichat.application.fake.InMemoryMembershipRepository;
import com.minichat.application.fake.InMemoryUserRepository;
import com.minichat.application.fake.InMemoryWorkspaceRepository;
import com.minichat.application.port.in.workspace.MemberWorkspace;
import com.minichat.application.port.in.workspace.WorkspaceSettings;
import com.minichat.application.service.support.TestClock;
import com.minichat.domain.access.Actor;
import com.minichat.domain.access.UserActor;
import com.minichat.domain.common.FieldViolation;
import com.minichat.domain.common.NotFoundException;
import com.minichat.domain.common.Page;
import com.minichat.domain.common.PageRequest;
import com.minichat.domain.common.ValidationException;
import com.minichat.domain.team.Membership;
import com.minichat.domain.team.Role;
import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.FaqEntry;
import com.minichat.domain.workspace.WidgetAppearance;
import com.minichat.domain.workspace.Workspace;
import com.minichat.domain.workspace.WorkspaceId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WorkspaceServiceTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123Z");
  private static final UserId OWNER = new UserId("owner");
  private static final UserId STRANGER = new UserId("stranger");
  private static final Actor OWNER_ACTOR = new UserActor(OWNER);
  private static final Actor STRANGER_ACTOR = new UserActor(STRANGER);

  private InMemoryWorkspaceRepository repository;
  private InMemoryMembershipRepository memberships;
  private InMemoryUserRepository users;
  private TestClock clock;
  private WorkspaceService service;

  @BeforeEach
  void setUp() {
    repository = new InMemoryWorkspaceRepository();
    memberships = new InMemoryMembershipRepository();
    clock = TestClock.fixedAt(T0);
    users = new InMemoryUserRepository();
    service =
        new WorkspaceService(
            repository, memberships, new WorkspaceAccess(repository, memberships, users), clock);
  }

  /** Every workspace of {@code user}, read page by page with pages of {@code limit}. */
  private List<MemberWorkspace> readAll(UserId user, int limit) {
    List<MemberWorkspace> all = new ArrayList<>();
    String cursor = null;
    do {
      Page<MemberWorkspace> page = service.list(user, new PageRequest(cursor, limit));
      assertTrue(page.items().size() <= limit, "a page holds at most the limit");
      all.addAll(page.items());
      cursor = page.nextCursor();
    } while (cursor != null);
    return all;
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
    assertEquals(
        List.of(new Membership(workspace.id(), OWNER, Role.OWNER, T0, T0)),
        memberships.findByWorkspace(workspace.id()));
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
  void theAppearanceIsReplacedWholeWhenGivenAndKeptOtherwise() {
    WidgetAppearance brand =
        new WidgetAppearance("#0f766e", "bottom-left", "dark", "Bean", "https://x.test/a.png");
    Workspace workspace = service.create(OWNER, named("Coffee"));
    assertEquals(WidgetAppearance.DEFAULT, workspace.appearance());

    Workspace branded =
        service.update(
            OWNER_ACTOR,
            workspace.id(),
            new WorkspaceSettings(null, null, null, null, null, null, null, null, brand));
    Workspace renamed = service.update(OWNER_ACTOR, workspace.id(), named("Bean"));
    Workspace recoloured =
        service.update(
            OWNER_ACTOR,
            workspace.id(),
            new WorkspaceSettings(
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                new WidgetAppearance("#f97316", null, null, null, null)));

    assertEquals(brand, branded.appearance());
    assertEquals(brand, renamed.appearance());
    assertEquals(new WidgetAppearance("#f97316", null, null, null, null), recoloured.appearance());
    assertEquals("bottom-right", recoloured.appearance().position(), "absent fields: defaults");
    assertEquals(Optional.of(recoloured), repository.findById(workspace.id()));
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
    assertEquals(List.of(), memberships.all());
  }

  @Test
  void listReturnsOnlyTheCallersWorkspacesWithTheirRoleInTheOrderTheyJoined() {
    Workspace first = service.create(OWNER, named("First"));
    clock.advance(Duration.ofMinutes(1));
    Workspace strangers = service.create(STRANGER, named("Not mine"));
    clock.advance(Duration.ofMinutes(1));
    Workspace second = service.create(OWNER, named("Second"));
    clock.advance(Duration.ofMinutes(1));
    memberships.insert(
        new Membership(strangers.id(), OWNER, Role.MEMBER, clock.instant(), clock.instant()));

    Page<MemberWorkspace> page = service.list(OWNER, PageRequest.first());

    assertEquals(
        List.of(
            new MemberWorkspace(first, Role.OWNER),
            new MemberWorkspace(second, Role.OWNER),
            new MemberWorkspace(strangers, Role.MEMBER)),
        page.items());
    assertNull(page.nextCursor());
    assertEquals(
        List.of(new MemberWorkspace(strangers, Role.OWNER)),
        service.list(STRANGER, PageRequest.first()).items());
    assertEquals(List.of(), service.list(new UserId("newcomer"), PageRequest.first()).items());
  }

  @Test
  void listPagesWithoutGapsOrRepeatsEvenWhenEveryoneJoinedAtTheSameInstant() {
    List<MemberWorkspace> created = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      created.add(new MemberWorkspace(service.create(OWNER, named("Shop " + i)), Role.OWNER));
    }
    List<MemberWorkspace> expected =
        created.stream()
            .sorted(
                Comparator.comparing((MemberWorkspace joined) -> joined.workspace().id().value()))
            .toList();

    for (int limit = 1; limit <= 8; limit++) {
      assertEquals(expected, readAll(OWNER, limit), "pages of " + limit);
    }
  }

  @Test
  void listPagesOverDeletedWorkspacesWithoutLosingLiveOnes() {
    List<Workspace> created = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      created.add(service.create(OWNER, named("Shop " + i)));
      clock.advance(Duration.ofSeconds(1));
    }
    service.delete(OWNER, created.get(1).id());
    service.delete(OWNER, created.get(2).id());
    service.delete(OWNER, created.get(4).id());

    List<Workspace> expected = List.of(created.get(0), created.get(3), created.get(5));
    for (int limit = 1; limit <= 7; limit++) {
      assertEquals(
          expected,
          readAll(OWNER, limit).stream().map(MemberWorkspace::workspace).toList(),
          "pages of " + limit);
    }
  }

  @Test
  void getReturnsTheMembersWorkspace() {
    Workspace workspace = service.create(OWNER, full());

    assertEquals(workspace, service.get(OWNER_ACTOR, workspace.id()));
  }

  @Test
  void nonMembersAndUnknownIdsAreNotFoundAlike() {
    Workspace workspace = service.create(OWNER, full());

    NotFoundException notMember =
        assertThrows(NotFoundException.class, () -> service.get(STRANGER_ACTOR, workspace.id()));
    NotFoundException unknown =
        assertThrows(
            NotFoundException.class, () -> service.get(OWNER_ACTOR, WorkspaceId.generate()));

    assertEquals(notMember.getMessage(), unknown.getMessage());
  }

  @Test
  void updateByANonMemberIsNotFoundAndChangesNothing() {
    Workspace workspace = service.create(OWNER, full());

    assertThrows(
        NotFoundException.class,
        () -> service.update(STRANGER_ACTOR, workspace.id(), named("Taken over")));
    assertThrows(
        NotFoundException.class,
        () -> service.update(OWNER_ACTOR, WorkspaceId.generate(), named("Nowhere")));
    assertEquals(Optional.of(workspace), repository.findById(workspace.id()));
  }

  @Test
  void updateChangesOnlyTheGivenSettingsAndTheUpdateTime() {
    Workspace original = service.create(OWNER, full());
    clock.advance(Duration.ofHours(2));

    Workspace updated =
        service.update(
            OWNER_ACTOR,
            original.id(),
            new WorkspaceSettings(null, "Hello!", null, null, null, 30));

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
            OWNER_ACTOR, original.id(), new WorkspaceSettings(null, null, null, null, null, null));

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
            OWNER_ACTOR,
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
                    OWNER_ACTOR,
                    original.id(),
                    new WorkspaceSettings(
                        " ", null, null, List.of(new FaqEntry("q", "")), null, 5000)));

    assertEquals(
        List.of("name", "dataRetentionDays", "faq[0].answer"),
        e.violations().stream().map(FieldViolation::field).toList());
    assertEquals(Optional.of(original), repository.findById(original.id()));
  }
}
