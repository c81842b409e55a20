package com.minichat.application.port.in.workspace;

import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.Workspace;
import com.minichat.domain.workspace.WorkspaceId;

/** Changes a workspace's settings. */
public interface UpdateWorkspaceUseCase {
  /**
   * Applies the non-null settings.
   *
   * @throws com.minichat.domain.common.NotFoundException when the workspace does not exist or the
   *     caller is not a member
   */
  Workspace update(UserId actor, WorkspaceId workspaceId, WorkspaceSettings settings);
}
