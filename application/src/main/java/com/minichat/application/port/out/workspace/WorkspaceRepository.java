package com.minichat.application.port.out.workspace;

import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.WidgetKey;
import com.minichat.domain.workspace.Workspace;
import com.minichat.domain.workspace.WorkspaceId;
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

  Optional<Workspace> findById(WorkspaceId id);

  Optional<Workspace> findByWidgetKey(WidgetKey widgetKey);

  /** Workspaces owned by {@code ownerId}, oldest first. */
  List<Workspace> findByOwner(UserId ownerId);
}
