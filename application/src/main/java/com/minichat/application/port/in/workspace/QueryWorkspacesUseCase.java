package com.minichat.application.port.in.workspace;

import com.minichat.domain.access.Actor;
import com.minichat.domain.common.Page;
import com.minichat.domain.common.PageRequest;
import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.Workspace;
import com.minichat.domain.workspace.WorkspaceId;

/** Reads the workspaces a user belongs to. */
public interface QueryWorkspacesUseCase {
  /** The caller's workspaces with their role, in the order they joined. */
  Page<MemberWorkspace> list(UserId actor, PageRequest page);

  /**
   * One workspace the actor may read.
   *
   * @throws com.minichat.domain.common.NotFoundException when it does not exist or is not the
   *     actor's (the two are indistinguishable on purpose)
   */
  Workspace get(Actor actor, WorkspaceId workspaceId);
}
