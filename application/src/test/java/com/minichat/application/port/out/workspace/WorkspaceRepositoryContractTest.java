package com.minichat.application.port.out.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.minichat.domain.common.ConflictException;
import com.minichat.domain.common.NotFoundException;
import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.FaqEntry;
import com.minichat.domain.workspace.WidgetKey;
import com.minichat.domain.workspace.Workspace;
import com.minichat.domain.workspace.WorkspaceId;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Behaviour every {@link WorkspaceRepository} must show. Extend it and return a fresh, empty
 * repository from {@link #newRepository()}. {@code update} of an unknown id fails with {@link
 * NotFoundException}.
 */
public abstract class WorkspaceRepositoryContractTest {
  /** A point in time with whole milliseconds, as every store keeps them. */
  protected static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123Z");

  private WorkspaceRepository workspaces;

  /** A new repository with no workspaces in it; called before every test. */
  protected abstract WorkspaceRepository newRepository();

  @BeforeEach
  void setUpRepository() {
    workspaces = newRepository();
  }

  protected static Workspace workspace(UserId owner, Instant createdAt) {
    return new Workspace(
        WorkspaceId.generate(),
        "ร้านกาแฟ Coffee",
        owner,
        WidgetKey.generate(),
        "สวัสดีค่ะ! How can we help?",
        "You are a friendly barista.",
        List.of(
            new FaqEntry("Opening hours?", "8:00–18:00 every day"),
            new FaqEntry("มีที่จอดรถไหม", "มีค่ะ")),
        List.of("shop.example.com", "*.example.org", "localhost:5173"),
        90,
        true,
        createdAt,
        createdAt.plusSeconds(5));
  }

  private static Workspace withWidgetKey(Workspace w, WidgetKey key) {
    return new Workspace(
        w.id(),
        w.name(),
        w.ownerId(),
        key,
        w.welcomeMessage(),
        w.systemPrompt(),
        w.faq(),
        w.allowedDomains(),
        w.dataRetentionDays(),
        w.requireTwoFactor(),
        w.createdAt(),
        w.updatedAt());
  }

  @Test
  void insertedWorkspaceIsFoundByIdWithEveryFieldEqual() {
    Workspace workspace = workspace(UserId.generate(), T0);

    workspaces.insert(workspace);

    assertEquals(Optional.of(workspace), workspaces.findById(workspace.id()));
  }

  @Test
  void workspaceWithEmptySettingsRoundTrips() {
    Workspace bare =
        new Workspace(
            WorkspaceId.generate(),
            "Bare",
            UserId.generate(),
            WidgetKey.generate(),
            null,
            null,
            null,
            null,
            Workspace.DEFAULT_RETENTION_DAYS,
            T0,
            T0);

    workspaces.insert(bare);

    assertEquals(Optional.of(bare), workspaces.findById(bare.id()));
  }

  @Test
  void insertedWorkspaceIsFoundByWidgetKey() {
    Workspace workspace = workspace(UserId.generate(), T0);
    workspaces.insert(workspace);
    workspaces.insert(workspace(UserId.generate(), T0));

    assertEquals(Optional.of(workspace), workspaces.findByWidgetKey(workspace.widgetKey()));
  }

  @Test
  void absentWorkspacesAreEmpty() {
    workspaces.insert(workspace(UserId.generate(), T0));

    assertTrue(workspaces.findById(WorkspaceId.generate()).isEmpty());
    assertTrue(workspaces.findByWidgetKey(WidgetKey.generate()).isEmpty());
    assertEquals(List.of(), workspaces.findByOwner(UserId.generate()));
  }

  @Test
  void duplicateWidgetKeyIsAConflict() {
    Workspace first = workspace(UserId.generate(), T0);
    workspaces.insert(first);
    Workspace sameKey = withWidgetKey(workspace(UserId.generate(), T0), first.widgetKey());

    assertThrows(ConflictException.class, () -> workspaces.insert(sameKey));
    assertTrue(workspaces.findById(sameKey.id()).isEmpty());
  }

  @Test
  void duplicateIdIsAConflict() {
    Workspace first = workspace(UserId.generate(), T0);
    workspaces.insert(first);

    assertThrows(
        ConflictException.class,
        () -> workspaces.insert(withWidgetKey(first, WidgetKey.generate())));
    assertEquals(Optional.of(first), workspaces.findById(first.id()));
  }

  @Test
  void findByOwnerListsOnlyThatOwnersWorkspacesOldestFirst() {
    UserId owner = UserId.generate();
    Workspace newest = workspace(owner, T0.plusSeconds(60));
    Workspace oldest = workspace(owner, T0.minusSeconds(60));
    Workspace tieA = workspace(owner, T0);
    Workspace tieB = workspace(owner, T0);
    workspaces.insert(newest);
    workspaces.insert(workspace(UserId.generate(), T0.minusSeconds(3600)));
    workspaces.insert(tieA);
    workspaces.insert(oldest);
    workspaces.insert(tieB);

    List<Workspace> expected =
        Stream.of(newest, oldest, tieA, tieB)
            .sorted(Comparator.comparing(Workspace::createdAt).thenComparing(w -> w.id().value()))
            .toList();
    assertEquals(expected, workspaces.findByOwner(owner));
  }

  @Test
  void updateReplacesTheStoredWorkspace() {
    UserId owner = UserId.generate();
    Workspace original = workspace(owner, T0);
    workspaces.insert(original);
    Workspace changed =
        new Workspace(
            original.id(),
            "Renamed",
            owner,
            WidgetKey.generate(),
            "Hello again",
            "",
            List.of(new FaqEntry("Only question", "Only answer")),
            List.of(),
            30,
            original.createdAt(),
            T0.plusSeconds(3600));

    workspaces.update(changed);

    assertEquals(Optional.of(changed), workspaces.findById(original.id()));
    assertEquals(Optional.of(changed), workspaces.findByWidgetKey(changed.widgetKey()));
    assertTrue(workspaces.findByWidgetKey(original.widgetKey()).isEmpty());
    assertEquals(List.of(changed), workspaces.findByOwner(owner));
  }

  @Test
  void updateToAnotherWorkspacesWidgetKeyIsAConflict() {
    Workspace first = workspace(UserId.generate(), T0);
    Workspace second = workspace(UserId.generate(), T0);
    workspaces.insert(first);
    workspaces.insert(second);

    assertThrows(
        ConflictException.class, () -> workspaces.update(withWidgetKey(second, first.widgetKey())));
    assertEquals(Optional.of(second), workspaces.findById(second.id()));
  }

  @Test
  void updateOfAnUnknownWorkspaceIsNotFound() {
    Workspace never = workspace(UserId.generate(), T0);

    assertThrows(NotFoundException.class, () -> workspaces.update(never));
    assertTrue(workspaces.findById(never.id()).isEmpty());
  }

  @Test
  void instantsAreKeptToTheMillisecond() {
    Workspace precise = workspace(UserId.generate(), T0.plusNanos(456_789));

    workspaces.insert(precise);

    Workspace found = workspaces.findById(precise.id()).orElseThrow();
    assertEquals(T0, found.createdAt());
    assertEquals(T0.plusSeconds(5), found.updatedAt());
  }
}
