package com.minichat.application.port.out.team;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.minichat.application.port.out.Race;
import com.minichat.application.port.out.conversation.PageAssertions;
import com.minichat.domain.common.ConflictException;
import com.minichat.domain.common.Cursor;
import com.minichat.domain.common.NotFoundException;
import com.minichat.domain.common.Page;
import com.minichat.domain.common.PageRequest;
import com.minichat.domain.common.ValidationException;
import com.minichat.domain.team.Membership;
import com.minichat.domain.team.Role;
import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.WorkspaceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Behaviour every {@link MembershipRepository} must show. Extend it and return a fresh, empty
 * repository from {@link #newRepository()}. One membership per (workspace, user); {@code update}
 * changes the role and {@code updatedAt} only and fails with {@link NotFoundException} when there
 * is no membership; {@code delete} of a missing membership does nothing. A workspace's members are
 * listed by join time then user id; a user's memberships are paged by join time then workspace id.
 * Instants are kept to the millisecond.
 */
public abstract class MembershipRepositoryContractTest {
  /** A point in time with whole milliseconds, as every store keeps them. */
  protected static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123Z");

  private static final Comparator<Membership> BY_USER_ORDER =
      Comparator.comparing(Membership::joinedAt).thenComparing(m -> m.workspaceId().value());

  private static final Comparator<Membership> BY_WORKSPACE_ORDER =
      Comparator.comparing(Membership::joinedAt).thenComparing(m -> m.userId().value());

  private MembershipRepository memberships;

  /** A new repository with no memberships in it; called before every test. */
  protected abstract MembershipRepository newRepository();

  @BeforeEach
  void setUpRepository() {
    memberships = newRepository();
  }

  protected static Membership membership(
      WorkspaceId workspaceId, UserId userId, Role role, Instant joinedAt) {
    return new Membership(workspaceId, userId, role, joinedAt, joinedAt.plusSeconds(5));
  }

  private Membership stored(Membership membership) {
    return memberships.find(membership.workspaceId(), membership.userId()).orElseThrow();
  }

  /**
   * Seven memberships of {@code userId} in different workspaces, three joined at the very same
   * instant and two more sharing another, inserted in a shuffled order; returned in list order.
   */
  private List<Membership> insertSevenOf(UserId userId) {
    List<Instant> times =
        List.of(
            T0,
            T0.plusSeconds(1),
            T0.plusSeconds(1),
            T0.plusSeconds(1),
            T0.plusSeconds(2),
            T0.plusSeconds(3),
            T0.plusSeconds(3));
    List<Membership> created = new ArrayList<>();
    for (int i = 0; i < times.size(); i++) {
      Role role = Role.values()[i % Role.values().length];
      created.add(membership(WorkspaceId.generate(), userId, role, times.get(i)));
    }
    List<Membership> shuffled = new ArrayList<>(created);
    Collections.shuffle(shuffled, new Random(42));
    shuffled.forEach(memberships::insert);
    return created.stream().sorted(BY_USER_ORDER).toList();
  }

  @Test
  void insertedMembershipIsFoundWithEveryFieldEqual() {
    for (Role role : Role.values()) {
      Membership membership = membership(WorkspaceId.generate(), UserId.generate(), role, T0);

      memberships.insert(membership);

      assertEquals(
          Optional.of(membership), memberships.find(membership.workspaceId(), membership.userId()));
    }
  }

  @Test
  void absentMembershipsAreEmpty() {
    Membership membership = membership(WorkspaceId.generate(), UserId.generate(), Role.OWNER, T0);
    memberships.insert(membership);

    assertTrue(memberships.find(membership.workspaceId(), UserId.generate()).isEmpty());
    assertTrue(memberships.find(WorkspaceId.generate(), membership.userId()).isEmpty());
    assertEquals(List.of(), memberships.findByWorkspace(WorkspaceId.generate()));
  }

  @Test
  void aSecondMembershipOfTheSameUserInTheSameWorkspaceIsAConflict() {
    Membership first = membership(WorkspaceId.generate(), UserId.generate(), Role.MEMBER, T0);
    memberships.insert(first);
    Membership again =
        membership(first.workspaceId(), first.userId(), Role.ADMIN, T0.plusSeconds(60));

    assertThrows(ConflictException.class, () -> memberships.insert(again));
    assertEquals(first, stored(first));
    assertEquals(List.of(first), memberships.findByWorkspace(first.workspaceId()));
  }

  @Test
  void aUserMayJoinManyWorkspacesAndAWorkspaceHaveManyUsers() {
    WorkspaceId workspace = WorkspaceId.generate();
    UserId user = UserId.generate();
    Membership first = membership(workspace, user, Role.OWNER, T0);
    Membership sameUser = membership(WorkspaceId.generate(), user, Role.MEMBER, T0);
    Membership sameWorkspace = membership(workspace, UserId.generate(), Role.MEMBER, T0);

    List.of(first, sameUser, sameWorkspace).forEach(memberships::insert);

    assertEquals(first, stored(first));
    assertEquals(sameUser, stored(sameUser));
    assertEquals(sameWorkspace, stored(sameWorkspace));
  }

  @Test
  void eightConcurrentInsertsOfOneMembershipLetExactlyOneWin() throws Exception {
    WorkspaceId workspace = WorkspaceId.generate();
    UserId user = UserId.generate();

    List<Object> outcomes =
        Race.run(
            8,
            () -> {
              try {
                memberships.insert(membership(workspace, user, Role.MEMBER, T0));
                return "inserted";
              } catch (ConflictException e) {
                return e;
              }
            });

    assertEquals(1, outcomes.stream().filter("inserted"::equals).count());
    outcomes.stream()
        .filter(outcome -> !"inserted".equals(outcome))
        .forEach(outcome -> assertInstanceOf(ConflictException.class, outcome));
    assertEquals(1, memberships.findByWorkspace(workspace).size());
  }

  @Test
  void updateChangesTheRoleAndUpdatedAtOnly() {
    Membership member = membership(WorkspaceId.generate(), UserId.generate(), Role.MEMBER, T0);
    memberships.insert(member);
    Membership promoted = member.withRole(Role.ADMIN, T0.plusSeconds(3600));

    assertTrue(memberships.update(promoted, Role.MEMBER));

    assertEquals(promoted, stored(member));
    assertEquals(List.of(promoted), memberships.findByWorkspace(member.workspaceId()));
  }

  @Test
  void updateOfAMissingMembershipIsNotFound() {
    Membership never = membership(WorkspaceId.generate(), UserId.generate(), Role.ADMIN, T0);

    assertThrows(NotFoundException.class, () -> memberships.update(never, Role.MEMBER));
    assertTrue(memberships.find(never.workspaceId(), never.userId()).isEmpty());
  }

  @Test
  void deleteRemovesOnlyThatMembership() {
    WorkspaceId workspace = WorkspaceId.generate();
    UserId user = UserId.generate();
    Membership removed = membership(workspace, user, Role.MEMBER, T0);
    Membership colleague = membership(workspace, UserId.generate(), Role.OWNER, T0);
    Membership elsewhere = membership(WorkspaceId.generate(), user, Role.ADMIN, T0);
    List.of(removed, colleague, elsewhere).forEach(memberships::insert);

    assertTrue(memberships.delete(workspace, user, Role.MEMBER));

    assertTrue(memberships.find(workspace, user).isEmpty());
    assertEquals(List.of(colleague), memberships.findByWorkspace(workspace));
    assertEquals(elsewhere, stored(elsewhere));
  }

  @Test
  void updateAndDeleteRefuseWhenTheRoleChangedMeanwhile() {
    Membership member = membership(WorkspaceId.generate(), UserId.generate(), Role.MEMBER, T0);
    memberships.insert(member);
    Membership admin = member.withRole(Role.ADMIN, T0.plusSeconds(1));
    assertTrue(memberships.update(admin, Role.MEMBER));

    assertFalse(memberships.update(member.withRole(Role.OWNER, T0.plusSeconds(2)), Role.MEMBER));
    assertFalse(memberships.delete(member.workspaceId(), member.userId(), Role.MEMBER));
    assertEquals(admin, stored(member));
  }

  @Test
  void deleteOfAMissingMembershipDoesNothing() {
    Membership kept = membership(WorkspaceId.generate(), UserId.generate(), Role.OWNER, T0);
    memberships.insert(kept);

    assertFalse(memberships.delete(kept.workspaceId(), UserId.generate(), Role.OWNER));
    assertFalse(memberships.delete(WorkspaceId.generate(), kept.userId(), Role.OWNER));

    assertEquals(kept, stored(kept));
  }

  @Test
  void aDeletedMembershipCanBeCreatedAgain() {
    Membership first = membership(WorkspaceId.generate(), UserId.generate(), Role.MEMBER, T0);
    memberships.insert(first);
    memberships.delete(first.workspaceId(), first.userId(), Role.MEMBER);
    Membership rejoined =
        membership(first.workspaceId(), first.userId(), Role.ADMIN, T0.plusSeconds(60));

    memberships.insert(rejoined);

    assertEquals(rejoined, stored(first));
  }

  @Test
  void findByWorkspaceListsItsMembersInTheOrderTheyJoined() {
    WorkspaceId workspace = WorkspaceId.generate();
    List<Membership> created =
        new ArrayList<>(
            List.of(
                membership(workspace, UserId.generate(), Role.OWNER, T0.minusSeconds(60)),
                membership(workspace, UserId.generate(), Role.MEMBER, T0.plusSeconds(60)),
                membership(workspace, UserId.generate(), Role.ADMIN, T0),
                membership(workspace, UserId.generate(), Role.MEMBER, T0)));
    Collections.shuffle(created, new Random(7));
    memberships.insert(membership(WorkspaceId.generate(), UserId.generate(), Role.OWNER, T0));
    created.forEach(memberships::insert);

    assertEquals(
        created.stream().sorted(BY_WORKSPACE_ORDER).toList(),
        memberships.findByWorkspace(workspace));
  }

  @Test
  void pagesWalkAUsersMembershipsInOrderWithoutGapsOrDuplicates() {
    UserId user = UserId.generate();
    UserId other = UserId.generate();
    memberships.insert(membership(WorkspaceId.generate(), other, Role.OWNER, T0));
    List<Membership> expected = insertSevenOf(user);
    memberships.insert(membership(WorkspaceId.generate(), other, Role.MEMBER, T0.plusSeconds(1)));

    List<Membership> read =
        PageAssertions.readAll(page -> memberships.findByUser(user, page), 3, List.of(3, 3, 1));

    assertEquals(expected, read);
    assertEquals(
        expected,
        PageAssertions.readAll(page -> memberships.findByUser(user, page), 7, List.of(7)));
    assertEquals(
        expected,
        PageAssertions.readAll(
            page -> memberships.findByUser(user, page), 1, List.of(1, 1, 1, 1, 1, 1, 1)));
  }

  @Test
  void aUserWithoutMembershipsGetsAnEmptyLastPage() {
    memberships.insert(membership(WorkspaceId.generate(), UserId.generate(), Role.OWNER, T0));

    Page<Membership> page = memberships.findByUser(UserId.generate(), new PageRequest(null, 3));

    assertEquals(List.of(), page.items());
    assertNull(page.nextCursor());
  }

  @Test
  void cursorAfterTheLastMembershipGivesAnEmptyPage() {
    UserId user = UserId.generate();
    Membership last = insertSevenOf(user).getLast();
    String cursor = new Cursor(last.joinedAt(), last.workspaceId().value()).encode();

    Page<Membership> page = memberships.findByUser(user, new PageRequest(cursor, 3));

    assertEquals(List.of(), page.items());
    assertNull(page.nextCursor());
  }

  @Test
  void changingARoleKeepsThePlaceInTheList() {
    UserId user = UserId.generate();
    List<Membership> expected = new ArrayList<>(insertSevenOf(user));
    Membership original = expected.get(2);
    Role other = original.role() == Role.ADMIN ? Role.MEMBER : Role.ADMIN;
    Membership changed = original.withRole(other, T0.plusSeconds(3600));
    expected.set(2, changed);

    assertTrue(memberships.update(changed, original.role()));

    assertEquals(
        expected,
        PageAssertions.readAll(page -> memberships.findByUser(user, page), 4, List.of(4, 3)));
  }

  @Test
  void instantsAreKeptToTheMillisecond() {
    Membership precise =
        new Membership(
            WorkspaceId.generate(),
            UserId.generate(),
            Role.MEMBER,
            T0.plusNanos(999_999),
            T0.plusSeconds(1).plusNanos(1));

    memberships.insert(precise);

    Membership found = stored(precise);
    assertEquals(T0, found.joinedAt());
    assertEquals(T0.plusSeconds(1), found.updatedAt());
  }

  /** Not Base64; "no-separator"; "abc|xyz" (time not a number); "|" (both parts empty). */
  @ParameterizedTest
  @ValueSource(strings = {"not a cursor!", "bm8tc2VwYXJhdG9y", "YWJjfHh5eg", "fA"})
  void invalidCursorIsAValidationError(String cursor) {
    UserId user = UserId.generate();
    memberships.insert(membership(WorkspaceId.generate(), user, Role.MEMBER, T0));

    assertThrows(
        ValidationException.class, () -> memberships.findByUser(user, new PageRequest(cursor, 3)));
  }
}
