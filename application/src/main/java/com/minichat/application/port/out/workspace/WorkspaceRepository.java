package com.minichat.application.port.out.workspace;

import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.WidgetKey;
import com.minichat.domain.workspace.Workspace;
import com.minichat.domain.workspace.WorkspaceId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Stores workspaces. Widget keys are unique. Infrastructure failures surface as {@link
 * com.minichat.domain.common.UpstreamUnavailableException}.
 */
public interface WorkspaceRepository {
  void insert(Workspace workspace);

  /**
   * Replaces the stored workspace with the same id; {@code NotFoundException} when there is none.
   */
  void update(Workspace workspace);

  /** The workspace, unless it was deleted. */
  Optional<Workspace> findById(WorkspaceId id);

  /** The workspace behind a widget key, unless it was deleted. */
  Optional<Workspace> findByWidgetKey(WidgetKey widgetKey);

  /** Workspaces owned by {@code ownerId}, oldest first, deleted ones left out. */
  List<Workspace> findByOwner(UserId ownerId);

  /** The workspaces with these ids that are not deleted, in no particular order. */
  List<Workspace> findByIds(Collection<WorkspaceId> ids);

  /**
   * Soft-deletes the workspace at {@code at}: it disappears from every finder but can be restored
   * until it is purged.
   */
  void markDeleted(WorkspaceId id, Instant at);

  /** A deleted workspace and when it was deleted, for restoring it. */
  Optional<DeletedWorkspace> findDeleted(WorkspaceId id);

  /** Undoes {@link #markDeleted}. */
  void restore(WorkspaceId id, Instant at);
}
