package com.minichat.application.port.in.workspace;

import com.minichat.domain.access.Actor;
import com.minichat.domain.workspace.Workspace;
import com.minichat.domain.workspace.WorkspaceId;

/** Making a widget private with an access PIN (owners, admins, admin keys). */
public interface WidgetPinUseCase {
  /**
   * Sets the PIN visitors must enter: 4 to 12 digits, stored encrypted.
   *
   * @throws com.minichat.domain.common.ValidationException when it is not 4–12 digits
   */
  Workspace setPin(Actor actor, WorkspaceId workspaceId, String pin);

  /** Makes the widget public again. */
  Workspace removePin(Actor actor, WorkspaceId workspaceId);
}
