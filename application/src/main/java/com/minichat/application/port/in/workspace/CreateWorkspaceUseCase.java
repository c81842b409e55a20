package com.minichat.application.port.in.workspace;

import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.Workspace;

/** Creates a workspace owned by the caller, with its own widget key. */
public interface CreateWorkspaceUseCase {
  /**
   * @throws com.minichat.domain.common.ValidationException listing every invalid setting
   */
  Workspace create(UserId ownerId, WorkspaceSettings settings);
}
