package com.minichat.application.service.workspace;

import com.minichat.application.port.in.workspace.WidgetPinUseCase;
import com.minichat.application.port.out.security.SecretCipher;
import com.minichat.application.port.out.workspace.WorkspaceRepository;
import com.minichat.domain.access.Actor;
import com.minichat.domain.common.ValidationException;
import com.minichat.domain.team.Permission;
import com.minichat.domain.workspace.Workspace;
import com.minichat.domain.workspace.WorkspaceId;
import java.time.Clock;
import java.util.regex.Pattern;

/** Sets and removes the access PIN of private widgets; the PIN is stored encrypted. */
public final class WidgetPinService implements WidgetPinUseCase {
  private static final Pattern PIN = Pattern.compile("^\\d{4,12}$");

  private final WorkspaceRepository workspaces;
  private final WorkspaceAccess access;
  private final SecretCipher cipher;
  private final Clock clock;

  public WidgetPinService(
      WorkspaceRepository workspaces, WorkspaceAccess access, SecretCipher cipher, Clock clock) {
    this.workspaces = workspaces;
    this.access = access;
    this.cipher = cipher;
    this.clock = clock;
  }

  /** Associated data binding an encrypted PIN to its workspace. */
  public static String associatedData(WorkspaceId workspaceId) {
    return "workspace|pin|" + workspaceId.value();
  }

  @Override
  public Workspace setPin(Actor actor, WorkspaceId workspaceId, String pin) {
    Workspace current = access.require(actor, workspaceId, Permission.MANAGE_SETTINGS);
    if (pin == null || !PIN.matcher(pin).matches()) {
      throw new ValidationException("pin", "must be 4 to 12 digits");
    }
    Workspace updated =
        current.withPin(cipher.encrypt(pin, associatedData(workspaceId)), clock.instant());
    workspaces.update(updated);
    return updated;
  }

  @Override
  public Workspace removePin(Actor actor, WorkspaceId workspaceId) {
    Workspace current = access.require(actor, workspaceId, Permission.MANAGE_SETTINGS);
    Workspace updated = current.withPin(null, clock.instant());
    workspaces.update(updated);
    return updated;
  }
}
