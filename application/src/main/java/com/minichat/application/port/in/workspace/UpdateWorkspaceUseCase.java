package com.minichat.application.port.in.workspace;

import com.minichat.domain.access.Actor;
import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.Workspace;
import com.minichat.domain.workspace.WorkspaceId;

/** Changes a workspace's settings (owners and admins, or an API key with the admin scope). */
public interface UpdateWorkspaceUseCase {
  /** Applies the non-null settings. */
  Workspace update(Actor actor, WorkspaceId workspaceId, WorkspaceSettings settings);

  /** Gives the widget a new public key; embeds with the old key stop working at once. */
  Workspace rotateWidgetKey(UserId actor, WorkspaceId workspaceId);
}
