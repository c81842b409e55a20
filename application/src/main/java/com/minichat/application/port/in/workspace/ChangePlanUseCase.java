package com.minichat.application.port.in.workspace;

import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.Workspace;
import com.minichat.domain.workspace.WorkspaceId;

/** Moves a workspace to another plan; only platform administrators may. */
public interface ChangePlanUseCase {
  /**
   * Puts the workspace on {@code plan} ({@code free}, {@code pro}, {@code business} or {@code
   * unlimited}); limits apply from the next request on, nothing already there is removed.
   *
   * @throws com.minichat.domain.common.ForbiddenException when {@code actor} is not a platform
   *     administrator
   * @throws com.minichat.domain.common.ValidationException when {@code plan} is not a plan
   * @throws com.minichat.domain.common.NotFoundException when there is no such live workspace
   */
  Workspace changePlan(UserId actor, WorkspaceId workspaceId, String plan);
}
