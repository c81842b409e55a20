package com.minichat.application.port.out.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.minichat.domain.common.ConflictException;
import com.minichat.domain.common.NotFoundException;
import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.AiPolicy;
import com.minichat.domain.workspace.FaqEntry;
import com.minichat.domain.workspace.Plan;
import com.minichat.domain.workspace.WidgetAppearance;
import com.minichat.domain.workspace.WidgetKey;
import com.minichat.domain.workspace.Workspace;
import com.minichat.domain.workspace.WorkspaceId;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Behaviour every {@link WorkspaceRepository} must show. Extend it and return a fresh, empty
 * repository from {@link #newRepository()}. {@code update} of an unknown id fails with {@link
 * NotFoundException}.
 *
 * <p>Soft delete: a deleted workspace is left out of every finder and cannot be updated ({@link
 * NotFoundException}), but keeps its id and widget key (inserting either again is a conflict).
 * {@code markDeleted} and {@code restore} do not change the workspace itself; {@code markDeleted}
 * of a workspace that is unknown or already deleted, and {@code restore} of one that is unknown or
 * not deleted, fail with {@link NotFoundException}.
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
        "encrypted-pin",
        Map.of("th", "สวัสดีค่ะ ร้านกาแฟ", "en", "Hello from the coffee shop"),
        new WidgetAppearance(
            "#f97316", "bottom-left", "dark", "ร้านกาแฟ Coffee", "https://cdn.example.com/bot.png"),
        Plan.PRO,
        new AiPolicy(false, List.of("คาสิโน", "casino"), 25_500_000L, 90, true),
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
        w.encryptedPin(),
        w.welcomeMessages(),
        w.appearance(),
        w.plan(),
        w.aiPolicy(),
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

  @Test
  void findByIdsReturnsTheLiveWorkspacesAskedFor() {
    Workspace first = workspace(UserId.generate(), T0);
    Workspace second = workspace(UserId.generate(), T0.plusSeconds(1));
    Workspace notAsked = workspace(UserId.generate(), T0);
    List.of(first, second, notAsked).forEach(workspaces::insert);

    List<Workspace> found =
        workspaces.findByIds(List.of(second.id(), WorkspaceId.generate(), first.id(), first.id()));

    assertEquals(2, found.size());
    assertEquals(Set.of(first, second), new HashSet<>(found));
    assertEquals(List.of(), workspaces.findByIds(List.of()));
    assertEquals(List.of(), workspaces.findByIds(List.of(WorkspaceId.generate())));
  }

  @Test
  void aDeletedWorkspaceIsLeftOutOfEveryFinder() {
    UserId owner = UserId.generate();
    Workspace deleted = workspace(owner, T0);
    Workspace kept = workspace(owner, T0.plusSeconds(1));
    workspaces.insert(deleted);
    workspaces.insert(kept);

    workspaces.markDeleted(deleted.id(), T0.plusSeconds(60));

    assertTrue(workspaces.findById(deleted.id()).isEmpty());
    assertTrue(workspaces.findByWidgetKey(deleted.widgetKey()).isEmpty());
    assertEquals(List.of(kept), workspaces.findByOwner(owner));
    assertEquals(List.of(kept), workspaces.findByIds(List.of(deleted.id(), kept.id())));
    assertEquals(Optional.of(kept), workspaces.findById(kept.id()));
  }

  @Test
  void findDeletedReturnsTheWorkspaceAndWhenItWasDeleted() {
    Workspace workspace = workspace(UserId.generate(), T0);
    Workspace live = workspace(UserId.generate(), T0);
    workspaces.insert(workspace);
    workspaces.insert(live);

    workspaces.markDeleted(workspace.id(), T0.plusSeconds(60).plusNanos(999_999));

    assertEquals(
        Optional.of(new DeletedWorkspace(workspace, T0.plusSeconds(60))),
        workspaces.findDeleted(workspace.id()));
    assertTrue(workspaces.findDeleted(live.id()).isEmpty());
    assertTrue(workspaces.findDeleted(WorkspaceId.generate()).isEmpty());
  }

  @Test
  void restoreBringsTheWorkspaceBackUnchanged() {
    UserId owner = UserId.generate();
    Workspace workspace = workspace(owner, T0);
    workspaces.insert(workspace);
    workspaces.markDeleted(workspace.id(), T0.plusSeconds(60));

    workspaces.restore(workspace.id(), T0.plusSeconds(120));

    assertEquals(Optional.of(workspace), workspaces.findById(workspace.id()));
    assertEquals(Optional.of(workspace), workspaces.findByWidgetKey(workspace.widgetKey()));
    assertEquals(List.of(workspace), workspaces.findByOwner(owner));
    assertEquals(List.of(workspace), workspaces.findByIds(List.of(workspace.id())));
    assertTrue(workspaces.findDeleted(workspace.id()).isEmpty());
  }

  @Test
  void aRestoredWorkspaceCanBeDeletedAndUpdatedAgain() {
    Workspace workspace = workspace(UserId.generate(), T0);
    workspaces.insert(workspace);
    workspaces.markDeleted(workspace.id(), T0.plusSeconds(60));
    workspaces.restore(workspace.id(), T0.plusSeconds(120));
    Workspace renamed = withWidgetKey(workspace, WidgetKey.generate());

    workspaces.update(renamed);
    workspaces.markDeleted(workspace.id(), T0.plusSeconds(180));

    assertEquals(
        Optional.of(new DeletedWorkspace(renamed, T0.plusSeconds(180))),
        workspaces.findDeleted(workspace.id()));
  }

  @Test
  void markDeletedOfAnUnknownOrDeletedWorkspaceIsNotFound() {
    Workspace workspace = workspace(UserId.generate(), T0);
    workspaces.insert(workspace);
    workspaces.markDeleted(workspace.id(), T0.plusSeconds(60));

    assertThrows(
        NotFoundException.class,
        () -> workspaces.markDeleted(WorkspaceId.generate(), T0.plusSeconds(60)));
    assertThrows(
        NotFoundException.class, () -> workspaces.markDeleted(workspace.id(), T0.plusSeconds(90)));
    assertEquals(
        T0.plusSeconds(60), workspaces.findDeleted(workspace.id()).orElseThrow().deletedAt());
  }

  @Test
  void restoreOfAnUnknownOrLiveWorkspaceIsNotFound() {
    Workspace live = workspace(UserId.generate(), T0);
    workspaces.insert(live);

    assertThrows(NotFoundException.class, () -> workspaces.restore(live.id(), T0.plusSeconds(60)));
    assertThrows(
        NotFoundException.class,
        () -> workspaces.restore(WorkspaceId.generate(), T0.plusSeconds(60)));
    assertEquals(Optional.of(live), workspaces.findById(live.id()));
  }

  @Test
  void aDeletedWorkspaceCannotBeUpdated() {
    Workspace workspace = workspace(UserId.generate(), T0);
    workspaces.insert(workspace);
    workspaces.markDeleted(workspace.id(), T0.plusSeconds(60));

    assertThrows(
        NotFoundException.class,
        () -> workspaces.update(withWidgetKey(workspace, WidgetKey.generate())));
    assertEquals(
        Optional.of(new DeletedWorkspace(workspace, T0.plusSeconds(60))),
        workspaces.findDeleted(workspace.id()));
  }

  @Test
  void aDeletedWorkspaceKeepsItsIdAndWidgetKey() {
    Workspace deleted = workspace(UserId.generate(), T0);
    workspaces.insert(deleted);
    workspaces.markDeleted(deleted.id(), T0.plusSeconds(60));

    assertThrows(
        ConflictException.class,
        () -> workspaces.insert(withWidgetKey(deleted, WidgetKey.generate())));
    Workspace sameKey = withWidgetKey(workspace(UserId.generate(), T0), deleted.widgetKey());
    assertThrows(ConflictException.class, () -> workspaces.insert(sameKey));
    assertTrue(workspaces.findById(sameKey.id()).isEmpty());
  }
}
