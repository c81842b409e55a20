package com.minichat.application.fake;

import static com.minichat.application.fake.InMemoryPaging.millis;

import com.minichat.application.port.out.workspace.DeletedWorkspace;
import com.minichat.application.port.out.workspace.WorkspaceRepository;
import com.minichat.domain.common.ConflictException;
import com.minichat.domain.common.NotFoundException;
import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.WidgetKey;
import com.minichat.domain.workspace.Workspace;
import com.minichat.domain.workspace.WorkspaceId;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Thread-safe in-memory {@link WorkspaceRepository} with the same semantics as the real adapters:
 * unique ids and widget keys (a deleted workspace keeps its id and key), {@link #update} of an
 * unknown or deleted id fails with {@link NotFoundException}, instants kept at millisecond
 * precision. Soft-deleted workspaces are left out of every finder; {@link #markDeleted} and {@link
 * #restore} leave the workspace itself unchanged and fail with {@link NotFoundException} when there
 * is no live, respectively deleted, workspace with that id.
 */
public final class InMemoryWorkspaceRepository implements WorkspaceRepository {
  /** A stored workspace and when it was deleted ({@code null} while live). */
  private record Stored(Workspace workspace, Instant deletedAt) {
    boolean live() {
      return deletedAt == null;
    }
  }

  private final Map<WorkspaceId, Stored> workspaces = new LinkedHashMap<>();

  @Override
  public synchronized void insert(Workspace workspace) {
    Objects.requireNonNull(workspace, "workspace");
    if (workspaces.containsKey(workspace.id())) {
      throw new ConflictException("A workspace with this id already exists");
    }
    requireWidgetKeyFree(workspace);
    workspaces.put(workspace.id(), new Stored(stored(workspace), null));
  }

  @Override
  public synchronized void update(Workspace workspace) {
    Objects.requireNonNull(workspace, "workspace");
    Stored current = workspaces.get(workspace.id());
    if (current == null || !current.live()) {
      throw new NotFoundException("Workspace not found");
    }
    requireWidgetKeyFree(workspace);
    workspaces.put(workspace.id(), new Stored(stored(workspace), null));
  }

  @Override
  public synchronized Optional<Workspace> findById(WorkspaceId id) {
    return Optional.ofNullable(workspaces.get(id)).filter(Stored::live).map(Stored::workspace);
  }

  @Override
  public synchronized Optional<Workspace> findByWidgetKey(WidgetKey widgetKey) {
    return live().filter(workspace -> workspace.widgetKey().equals(widgetKey)).findFirst();
  }

  @Override
  public synchronized List<Workspace> findByOwner(UserId ownerId) {
    return live()
        .filter(workspace -> workspace.ownerId().equals(ownerId))
        .sorted(
            Comparator.comparing(Workspace::createdAt)
                .thenComparing(workspace -> workspace.id().value()))
        .toList();
  }

  @Override
  public synchronized List<Workspace> findByIds(Collection<WorkspaceId> ids) {
    Set<WorkspaceId> wanted = Set.copyOf(ids);
    return live().filter(workspace -> wanted.contains(workspace.id())).toList();
  }

  @Override
  public synchronized void markDeleted(WorkspaceId id, Instant at) {
    Objects.requireNonNull(at, "at");
    Stored current = workspaces.get(id);
    if (current == null || !current.live()) {
      throw new NotFoundException("Workspace not found");
    }
    workspaces.put(id, new Stored(current.workspace(), millis(at)));
  }

  @Override
  public synchronized Optional<DeletedWorkspace> findDeleted(WorkspaceId id) {
    return Optional.ofNullable(workspaces.get(id))
        .filter(stored -> !stored.live())
        .map(stored -> new DeletedWorkspace(stored.workspace(), stored.deletedAt()));
  }

  @Override
  public synchronized void restore(WorkspaceId id, Instant at) {
    Objects.requireNonNull(at, "at");
    Stored current = workspaces.get(id);
    if (current == null || current.live()) {
      throw new NotFoundException("No deleted workspace with this id");
    }
    workspaces.put(id, new Stored(current.workspace(), null));
  }

  /** Every stored workspace in insertion order, deleted ones included; for assertions in tests. */
  public synchronized List<Workspace> all() {
    return workspaces.values().stream().map(Stored::workspace).toList();
  }

  private Stream<Workspace> live() {
    return workspaces.values().stream().filter(Stored::live).map(Stored::workspace);
  }

  private void requireWidgetKeyFree(Workspace workspace) {
    boolean taken =
        workspaces.values().stream()
            .map(Stored::workspace)
            .anyMatch(
                other ->
                    !other.id().equals(workspace.id())
                        && other.widgetKey().equals(workspace.widgetKey()));
    if (taken) {
      throw new ConflictException("This widget key is already in use");
    }
  }

  private static Workspace stored(Workspace workspace) {
    return new Workspace(
        workspace.id(),
        workspace.name(),
        workspace.ownerId(),
        workspace.widgetKey(),
        workspace.welcomeMessage(),
        workspace.systemPrompt(),
        workspace.faq(),
        workspace.allowedDomains(),
        workspace.dataRetentionDays(),
        workspace.requireTwoFactor(),
        workspace.encryptedPin(),
        workspace.welcomeMessages(),
        workspace.appearance(),
        workspace.plan(),
        workspace.aiPolicy(),
        millis(workspace.createdAt()),
        millis(workspace.updatedAt()));
  }
}
