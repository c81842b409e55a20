package com.minichat.application.port.in.workspace;

import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.Workspace;
import com.minichat.domain.workspace.WorkspaceId;
import java.util.List;

/** Reads the workspaces a user belongs to. */
public interface QueryWorkspacesUseCase {
  /** The caller's workspaces, oldest first. */
  List<Workspace> list(UserId actor);

  /**
   * One workspace of the caller.
   *
   * @throws com.minichat.domain.common.NotFoundException when it does not exist or the caller is
   *     not a member (the two are indistinguishable on purpose)
   */
  Workspace get(UserId actor, WorkspaceId workspaceId);
}
