package com.minichat.application.port.in.workspace;

import com.minichat.domain.access.Actor;
import com.minichat.domain.workspace.WorkspaceId;

/** Reads how much of its plan a workspace uses, for anyone who may read the workspace. */
public interface QueryUsageUseCase {
  /**
   * This month's usage.
   *
   * @throws com.minichat.domain.common.NotFoundException when the workspace is not the actor's
   */
  WorkspaceUsage usage(Actor actor, WorkspaceId workspaceId);
}
