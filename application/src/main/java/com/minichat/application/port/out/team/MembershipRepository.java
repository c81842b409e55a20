package com.minichat.application.port.out.team;

import com.minichat.domain.common.Page;
import com.minichat.domain.common.PageRequest;
import com.minichat.domain.team.Membership;
import com.minichat.domain.team.Role;
import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.WorkspaceId;
import java.util.List;
import java.util.Optional;

/**
 * Who belongs to which workspace with which role. A user has at most one membership per workspace
 * ({@code ConflictException} otherwise).
 */
public interface MembershipRepository {
  void insert(Membership membership);

  /**
   * Atomically sets the role (and update time) of an existing membership, only while its stored
   * role is still {@code expectedRole}, so that overlapping team changes cannot leave a workspace
   * with no owner or two; {@code false} when the role had changed meanwhile. {@code
   * NotFoundException} when there is no such membership.
   */
  boolean update(Membership membership, Role expectedRole);

  /**
   * Atomically removes the membership while its role is still {@code expectedRole}; {@code false}
   * when there is none or its role had changed meanwhile.
   */
  boolean delete(WorkspaceId workspaceId, UserId userId, Role expectedRole);

  Optional<Membership> find(WorkspaceId workspaceId, UserId userId);

  /** The members of a workspace, in the order they joined. */
  List<Membership> findByWorkspace(WorkspaceId workspaceId);

  /** A user's memberships, in the order they joined (by join time, then workspace id). */
  Page<Membership> findByUser(UserId userId, PageRequest page);
}
