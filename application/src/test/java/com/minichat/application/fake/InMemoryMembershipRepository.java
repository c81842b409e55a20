package com.minichat.application.fake;

import static com.minichat.application.fake.InMemoryPaging.millis;

import com.minichat.application.port.out.team.MembershipRepository;
import com.minichat.domain.common.ConflictException;
import com.minichat.domain.common.NotFoundException;
import com.minichat.domain.common.Page;
import com.minichat.domain.common.PageRequest;
import com.minichat.domain.team.Membership;
import com.minichat.domain.team.Role;
import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.WorkspaceId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Thread-safe in-memory {@link MembershipRepository} with the same semantics as the real adapters:
 * one membership per (workspace, user) ({@link ConflictException} otherwise), {@link #update}
 * changes only the role and {@code updatedAt} and fails with {@link NotFoundException} when there
 * is no membership, instants kept at millisecond precision. A workspace's members are listed by
 * join time then user id; a user's memberships are paged by join time then workspace id.
 */
public final class InMemoryMembershipRepository implements MembershipRepository {
  private record Key(WorkspaceId workspaceId, UserId userId) {
    static Key of(Membership membership) {
      return new Key(membership.workspaceId(), membership.userId());
    }
  }

  private final Map<Key, Membership> memberships = new LinkedHashMap<>();

  @Override
  public synchronized void insert(Membership membership) {
    Objects.requireNonNull(membership, "membership");
    Key key = Key.of(membership);
    if (memberships.containsKey(key)) {
      throw new ConflictException("This user is already a member of the workspace");
    }
    memberships.put(key, stored(membership));
  }

  @Override
  public synchronized boolean update(Membership membership, Role expectedRole) {
    Objects.requireNonNull(membership, "membership");
    Key key = Key.of(membership);
    Membership current = memberships.get(key);
    if (current == null) {
      throw new NotFoundException("Membership not found");
    }
    if (current.role() != expectedRole) {
      return false;
    }
    memberships.put(
        key,
        new Membership(
            current.workspaceId(),
            current.userId(),
            membership.role(),
            current.joinedAt(),
            millis(membership.updatedAt())));
    return true;
  }

  @Override
  public synchronized boolean delete(WorkspaceId workspaceId, UserId userId, Role expectedRole) {
    Key key = new Key(workspaceId, userId);
    Membership current = memberships.get(key);
    if (current == null || current.role() != expectedRole) {
      return false;
    }
    memberships.remove(key);
    return true;
  }

  @Override
  public synchronized Optional<Membership> find(WorkspaceId workspaceId, UserId userId) {
    return Optional.ofNullable(memberships.get(new Key(workspaceId, userId)));
  }

  @Override
  public synchronized List<Membership> findByWorkspace(WorkspaceId workspaceId) {
    return memberships.values().stream()
        .filter(membership -> membership.workspaceId().equals(workspaceId))
        .sorted(
            Comparator.comparing(Membership::joinedAt)
                .thenComparing(membership -> membership.userId().value()))
        .toList();
  }

  @Override
  public synchronized Page<Membership> findByUser(UserId userId, PageRequest page) {
    return InMemoryPaging.page(
        memberships.values().stream()
            .filter(membership -> membership.userId().equals(userId))
            .toList(),
        Membership::joinedAt,
        membership -> membership.workspaceId().value(),
        page);
  }

  /** Every stored membership in insertion order; for assertions in tests. */
  public synchronized List<Membership> all() {
    return List.copyOf(memberships.values());
  }

  private static Membership stored(Membership membership) {
    return new Membership(
        membership.workspaceId(),
        membership.userId(),
        membership.role(),
        millis(membership.joinedAt()),
        millis(membership.updatedAt()));
  }
}
