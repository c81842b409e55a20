package com.minichat.application.port.in.team;

import com.minichat.domain.team.Membership;
import com.minichat.domain.team.Role;
import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.WorkspaceId;
import java.util.List;

/**
 * Managing the members of a workspace. There is always exactly one owner: the owner cannot be
 * removed or demoted, and only a transfer makes someone else the owner.
 */
public interface TeamUseCase {
  /** The members, in the order they joined (any member may see them). */
  List<TeamMember> members(UserId actor, WorkspaceId workspaceId);

  /** Makes a member an admin or a plain member (owners and admins). */
  Membership changeRole(UserId actor, WorkspaceId workspaceId, UserId member, Role role);

  /** Removes a member; they lose access at once, issued tokens included. A member may leave. */
  void remove(UserId actor, WorkspaceId workspaceId, UserId member);

  /** Hands the workspace to another member; the previous owner becomes an admin (owner only). */
  void transferOwnership(UserId actor, WorkspaceId workspaceId, UserId newOwner);
}
