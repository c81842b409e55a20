package com.minichat.application.fake;

import static com.minichat.application.fake.InMemoryPaging.millis;

import com.minichat.application.port.out.workspace.WorkspaceRepository;
import com.minichat.domain.common.ConflictException;
import com.minichat.domain.common.NotFoundException;
import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.WidgetKey;
import com.minichat.domain.workspace.Workspace;
import com.minichat.domain.workspace.WorkspaceId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Thread-safe in-memory {@link WorkspaceRepository} with the same semantics as the real adapters:
 * unique ids and widget keys, {@link #update} of an unknown id fails with {@link
 * NotFoundException}, instants kept at millisecond precision.
 */
public final class InMemoryWorkspaceRepository implements WorkspaceRepository {
  private final Map<WorkspaceId, Workspace> workspaces = new LinkedHashMap<>();

  @Override
  public synchronized void insert(Workspace workspace) {
    Objects.requireNonNull(workspace, "workspace");
    if (workspaces.containsKey(workspace.id())) {
      throw new ConflictException("A workspace with this id already exists");
    }
    requireWidgetKeyFree(workspace);
    workspaces.put(workspace.id(), stored(workspace));
  }

  @Override
  public synchronized void update(Workspace workspace) {
    Objects.requireNonNull(workspace, "workspace");
    if (!workspaces.containsKey(workspace.id())) {
      throw new NotFoundException("Workspace not found");
    }
    requireWidgetKeyFree(workspace);
    workspaces.put(workspace.id(), stored(workspace));
  }

  @Override
  public synchronized Optional<Workspace> findById(WorkspaceId id) {
    return Optional.ofNullable(workspaces.get(id));
  }

  @Override
  public synchronized Optional<Workspace> findByWidgetKey(WidgetKey widgetKey) {
    return workspaces.values().stream()
        .filter(workspace -> workspace.widgetKey().equals(widgetKey))
        .findFirst();
  }

  @Override
  public synchronized List<Workspace> findByOwner(UserId ownerId) {
    return workspaces.values().stream()
        .filter(workspace -> workspace.ownerId().equals(ownerId))
        .sorted(
            Comparator.comparing(Workspace::createdAt)
                .thenComparing(workspace -> workspace.id().value()))
        .toList();
  }

  /** Every stored workspace in insertion order; for assertions in tests. */
  public synchronized List<Workspace> all() {
    return List.copyOf(workspaces.values());
  }

  private void requireWidgetKeyFree(Workspace workspace) {
    boolean taken =
        workspaces.values().stream()
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
        millis(workspace.createdAt()),
        millis(workspace.updatedAt()));
  }
}
