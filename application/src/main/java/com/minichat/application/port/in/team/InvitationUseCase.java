package com.minichat.application.port.in.team;

import com.minichat.application.port.in.workspace.MemberWorkspace;
import com.minichat.domain.team.Invitation;
import com.minichat.domain.team.Role;
import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.WorkspaceId;
import java.util.List;

/** Inviting people by e-mail (owners and admins) and accepting invitations. */
public interface InvitationUseCase {
  /** Invites {@code email} as admin or member; the e-mail carries a single-use 7-day link. */
  Invitation invite(UserId actor, WorkspaceId workspaceId, String email, Role role);

  /** The open invitations, newest first. */
  List<Invitation> open(UserId actor, WorkspaceId workspaceId);

  /** Withdraws an open invitation. */
  void revoke(UserId actor, WorkspaceId workspaceId, String invitationId);

  /**
   * Joins the workspace with the invitation token. The signed-in account must have the invited
   * e-mail address (a new person registers with it first).
   */
  MemberWorkspace accept(UserId actor, String token);
}
