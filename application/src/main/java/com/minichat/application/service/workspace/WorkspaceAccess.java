package com.minichat.application.service.workspace;

import com.minichat.application.port.out.team.MembershipRepository;
import com.minichat.application.port.out.user.UserRepository;
import com.minichat.application.port.out.workspace.WorkspaceRepository;
import com.minichat.domain.access.Actor;
import com.minichat.domain.access.KeyActor;
import com.minichat.domain.access.UserActor;
import com.minichat.domain.apikey.ApiKey;
import com.minichat.domain.common.ForbiddenException;
import com.minichat.domain.common.NotFoundException;
import com.minichat.domain.team.Membership;
import com.minichat.domain.team.Permission;
import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.Workspace;
import com.minichat.domain.workspace.WorkspaceId;
import java.util.Locale;

/**
 * The one place that decides whether a user may do something in a workspace: they must be a member
 * whose role allows it, and have two-factor authentication on when the workspace requires it.
 * Outsiders cannot tell a foreign workspace from a missing one.
 */
public final class WorkspaceAccess {
  private final WorkspaceRepository workspaces;
  private final MembershipRepository memberships;
  private final UserRepository users;

  public WorkspaceAccess(
      WorkspaceRepository workspaces, MembershipRepository memberships, UserRepository users) {
    this.workspaces = workspaces;
    this.memberships = memberships;
    this.users = users;
  }

  /** What a checked request may work with. */
  public record Grant(Workspace workspace, Membership membership) {}

  /**
   * The workspace, when {@code actor} — a user or an API key — may do {@code permission} in it.
   *
   * @throws NotFoundException when it does not exist, was deleted, or is not the actor's
   * @throws ForbiddenException when the role or the key's scope does not allow it
   */
  public Workspace require(Actor actor, WorkspaceId workspaceId, Permission permission) {
    return switch (actor) {
      case UserActor user -> require(user.userId(), workspaceId, permission).workspace();
      case KeyActor keyActor -> {
        ApiKey key = keyActor.key();
        Workspace workspace =
            workspaces
                .findById(workspaceId)
                .filter(found -> found.id().equals(key.workspaceId()))
                .orElseThrow(() -> new NotFoundException("Workspace not found"));
        if (permission.keyScope() == null || !key.scope().covers(permission.keyScope())) {
          throw new ForbiddenException(
              "This API key's scope ("
                  + key.scope().name().toLowerCase(Locale.ROOT)
                  + ") does not allow this");
        }
        yield workspace;
      }
    };
  }

  /**
   * The workspace and the actor's membership, when the actor may do {@code permission}.
   *
   * @throws NotFoundException when it does not exist, was deleted, or the actor is not a member
   * @throws ForbiddenException when the role does not allow it, or 2FA is required but off
   */
  public Grant require(UserId actor, WorkspaceId workspaceId, Permission permission) {
    Workspace workspace =
        workspaces
            .findById(workspaceId)
            .orElseThrow(() -> new NotFoundException("Workspace not found"));
    Membership membership =
        memberships
            .find(workspaceId, actor)
            .orElseThrow(() -> new NotFoundException("Workspace not found"));
    if (workspace.requireTwoFactor() && !hasTwoFactor(actor)) {
      throw new ForbiddenException(
          "This workspace requires two-factor authentication; turn it on in your security"
              + " settings first");
    }
    if (!membership.role().allows(permission)) {
      throw new ForbiddenException(
          "Your role ("
              + membership.role().name().toLowerCase(Locale.ROOT)
              + ") does not allow this");
    }
    return new Grant(workspace, membership);
  }

  /** Whether {@code userId} signs in with a second factor. */
  public boolean hasTwoFactor(UserId userId) {
    return users.findById(userId).map(user -> user.twoFactor().enabled()).orElse(false);
  }
}
