package com.minichat.application.service.workspace;

import com.minichat.application.port.out.user.UserRepository;
import com.minichat.application.port.out.workspace.WorkspaceRepository;
import com.minichat.domain.common.ForbiddenException;
import com.minichat.domain.common.NotFoundException;
import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.Workspace;
import com.minichat.domain.workspace.WorkspaceId;

/**
 * The one place that decides whether a user may use a workspace: they must be a member, and have
 * two-factor authentication on when the workspace requires it.
 */
public final class WorkspaceAccess {
  private final WorkspaceRepository workspaces;
  private final UserRepository users;

  public WorkspaceAccess(WorkspaceRepository workspaces, UserRepository users) {
    this.workspaces = workspaces;
    this.users = users;
  }

  /**
   * The workspace, when {@code actor} may use it.
   *
   * @throws NotFoundException when it does not exist or the actor is not a member (alike)
   * @throws ForbiddenException when it requires 2FA and the actor has not turned it on
   */
  public Workspace require(UserId actor, WorkspaceId workspaceId) {
    Workspace workspace =
        workspaces
            .findById(workspaceId)
            .filter(found -> found.isMember(actor))
            .orElseThrow(() -> new NotFoundException("Workspace not found"));
    if (workspace.requireTwoFactor() && !hasTwoFactor(actor)) {
      throw new ForbiddenException(
          "This workspace requires two-factor authentication; turn it on in your security"
              + " settings first");
    }
    return workspace;
  }

  /** Whether {@code userId} signs in with a second factor. */
  public boolean hasTwoFactor(UserId userId) {
    return users.findById(userId).map(user -> user.twoFactor().enabled()).orElse(false);
  }
}
