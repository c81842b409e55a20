package com.minichat.application.port.in.workspace;

import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.Workspace;
import com.minichat.domain.workspace.WorkspaceId;

/** Deleting a workspace (owner only) and restoring it within 30 days. */
public interface DeleteWorkspaceUseCase {
  /** Soft-deletes the workspace: its widget, keys and conversations stop answering at once. */
  void delete(UserId actor, WorkspaceId workspaceId);

  /**
   * Brings a deleted workspace back.
   *
   * @throws com.minichat.domain.common.NotFoundException when it is not deleted, not the actor's to
   *     restore, or was deleted more than 30 days ago
   */
  Workspace restore(UserId actor, WorkspaceId workspaceId);
}
