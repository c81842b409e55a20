package com.minichat.application.service.support;

import com.minichat.application.port.out.team.MembershipRepository;
import com.minichat.domain.common.Page;
import com.minichat.domain.common.PageRequest;
import com.minichat.domain.team.Membership;
import com.minichat.domain.team.Role;
import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.WorkspaceId;
import java.util.List;
import java.util.Optional;

/**
 * A {@link MembershipRepository} that passes everything to another one, but can run a task once
 * just before the next write of a chosen user's membership: a deterministic stand-in for a second
 * request that slips in between another request's read and write.
 */
public final class InterleavingMembershipRepository implements MembershipRepository {
  private final MembershipRepository delegate;
  private UserId trigger;
  private Runnable interloper;

  public InterleavingMembershipRepository(MembershipRepository delegate) {
    this.delegate = delegate;
  }

  /** Runs {@code task} once, right before the next update or delete of {@code userId}'s row. */
  public synchronized void beforeNextWriteOf(UserId userId, Runnable task) {
    this.trigger = userId;
    this.interloper = task;
  }

  private void interleave(UserId userId) {
    Runnable task;
    synchronized (this) {
      if (interloper == null || !userId.equals(trigger)) {
        return;
      }
      task = interloper;
      interloper = null;
      trigger = null;
    }
    task.run();
  }

  @Override
  public void insert(Membership membership) {
    delegate.insert(membership);
  }

  @Override
  public boolean update(Membership membership, Role expectedRole) {
    interleave(membership.userId());
    return delegate.update(membership, expectedRole);
  }

  @Override
  public boolean delete(WorkspaceId workspaceId, UserId userId, Role expectedRole) {
    interleave(userId);
    return delegate.delete(workspaceId, userId, expectedRole);
  }

  @Override
  public Optional<Membership> find(WorkspaceId workspaceId, UserId userId) {
    return delegate.find(workspaceId, userId);
  }

  @Override
  public List<Membership> findByWorkspace(WorkspaceId workspaceId) {
    return delegate.findByWorkspace(workspaceId);
  }

  @Override
  public Page<Membership> findByUser(UserId userId, PageRequest page) {
    return delegate.findByUser(userId, page);
  }
}
