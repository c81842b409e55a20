package com.minichat.application.port.out.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.minichat.domain.common.ConflictException;
import com.minichat.domain.common.Cursor;
import com.minichat.domain.common.NotFoundException;
import com.minichat.domain.common.Page;
import com.minichat.domain.common.PageRequest;
import com.minichat.domain.common.ValidationException;
import com.minichat.domain.conversation.Conversation;
import com.minichat.domain.conversation.ConversationId;
import com.minichat.domain.conversation.ConversationStatus;
import com.minichat.domain.conversation.Receipts;
import com.minichat.domain.conversation.VisitorId;
import com.minichat.domain.conversation.VisitorProfile;
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
 * Behaviour every {@link ConversationRepository} must show. Extend it and return a fresh, empty
 * repository from {@link #newRepository()}.
 */
public abstract class ConversationRepositoryContractTest {
  /** A point in time with whole milliseconds, as every store keeps them. */
  protected static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123Z");

  private static final Comparator<Conversation> LIST_ORDER =
      Comparator.comparing(Conversation::createdAt).thenComparing(c -> c.id().value());

  private ConversationRepository conversations;

  /** A new repository with no conversations in it; called before every test. */
  protected abstract ConversationRepository newRepository();

  @BeforeEach
  void setUpRepository() {
    conversations = newRepository();
  }

  protected static Conversation conversation(WorkspaceId workspaceId, Instant createdAt) {
    return plain(
        ConversationId.generate(),
        workspaceId,
        ConversationStatus.OPEN,
        createdAt,
        createdAt.plusSeconds(30));
  }

  /** An anonymous visitor's conversation with the bot, nothing received or seen. */
  private static Conversation plain(
      ConversationId id,
      WorkspaceId workspaceId,
      ConversationStatus status,
      Instant createdAt,
      Instant updatedAt) {
    return new Conversation(
        id,
        workspaceId,
        VisitorId.generate(),
        status,
        VisitorProfile.ANONYMOUS,
        false,
        false,
        Receipts.NONE,
        null,
        createdAt,
        updatedAt);
  }

  /**
   * Seven conversations of {@code workspaceId}, three of them created at the very same instant and
   * two more sharing another, inserted in a shuffled order; returned in list order.
   */
  private List<Conversation> insertSeven(WorkspaceId workspaceId) {
    List<Instant> times =
        List.of(
            T0,
            T0.plusSeconds(1),
            T0.plusSeconds(1),
            T0.plusSeconds(1),
            T0.plusSeconds(2),
            T0.plusSeconds(3),
            T0.plusSeconds(3));
    List<Conversation> created = new ArrayList<>();
    for (Instant time : times) {
      created.add(conversation(workspaceId, time));
    }
    List<Conversation> shuffled = new ArrayList<>(created);
    Collections.shuffle(shuffled, new Random(42));
    shuffled.forEach(conversations::insert);
    return created.stream().sorted(LIST_ORDER).toList();
  }

  @Test
  void insertedConversationIsFoundWithEveryFieldEqual() {
    for (ConversationStatus status : ConversationStatus.values()) {
      Conversation conversation =
          plain(ConversationId.generate(), WorkspaceId.generate(), status, T0, T0.plusSeconds(42));

      conversations.insert(conversation);

      assertEquals(Optional.of(conversation), conversations.findById(conversation.id()));
    }
  }

  @Test
  void anUpdateKeepsEveryField() {
    Conversation original = conversation(WorkspaceId.generate(), T0);
    conversations.insert(original);
    Conversation changed =
        original
            .identified(
                VisitorProfile.of("สมชาย", "somchai@example.com", "+66812345678"),
                T0.plusSeconds(1))
            .humanWanted(T0.plusSeconds(2))
            .humanAnswered(T0.plusSeconds(3))
            .withStatus(ConversationStatus.PENDING, T0.plusSeconds(4))
            .assignedTo(new UserId("agent-7"), T0.plusSeconds(4))
            .withReceipts(
                original
                    .receipts()
                    .byVisitor(Receipts.Kind.SEEN, T0.plusSeconds(3))
                    .byTeam(Receipts.Kind.DELIVERED, T0.plusSeconds(2)),
                T0.plusSeconds(5));

    conversations.update(changed);

    assertEquals(Optional.of(changed), conversations.findById(original.id()));
  }

  @Test
  void updatingAnUnknownConversationIsNotFound() {
    assertThrows(
        NotFoundException.class,
        () -> conversations.update(conversation(WorkspaceId.generate(), T0)));
  }

  @Test
  void absentConversationIsEmpty() {
    conversations.insert(conversation(WorkspaceId.generate(), T0));

    assertTrue(conversations.findById(ConversationId.generate()).isEmpty());
  }

  @Test
  void duplicateIdIsAConflict() {
    Conversation first = conversation(WorkspaceId.generate(), T0);
    conversations.insert(first);
    Conversation sameId =
        plain(first.id(), WorkspaceId.generate(), ConversationStatus.CLOSED, T0, T0);

    assertThrows(ConflictException.class, () -> conversations.insert(sameId));
    assertEquals(Optional.of(first), conversations.findById(first.id()));
  }

  @Test
  void pagesWalkTheWorkspaceInOrderWithoutGapsOrDuplicates() {
    WorkspaceId workspace = WorkspaceId.generate();
    WorkspaceId other = WorkspaceId.generate();
    conversations.insert(conversation(other, T0));
    List<Conversation> expected = insertSeven(workspace);
    conversations.insert(conversation(other, T0.plusSeconds(1)));
    conversations.insert(conversation(other, T0.plusSeconds(10)));

    List<Conversation> read =
        PageAssertions.readAll(
            page -> conversations.findByWorkspace(workspace, page), 3, List.of(3, 3, 1));

    assertEquals(expected, read);
  }

  @Test
  void aPageThatEndsTheListHasNoNextCursor() {
    WorkspaceId workspace = WorkspaceId.generate();
    List<Conversation> expected = insertSeven(workspace);

    assertEquals(
        expected,
        PageAssertions.readAll(
            page -> conversations.findByWorkspace(workspace, page), 7, List.of(7)));
    assertEquals(
        expected,
        PageAssertions.readAll(
            page -> conversations.findByWorkspace(workspace, page), 50, List.of(7)));
  }

  @Test
  void emptyWorkspaceGivesAnEmptyLastPage() {
    conversations.insert(conversation(WorkspaceId.generate(), T0));

    Page<Conversation> page =
        conversations.findByWorkspace(WorkspaceId.generate(), new PageRequest(null, 3));

    assertEquals(List.of(), page.items());
    assertNull(page.nextCursor());
  }

  @Test
  void cursorAfterTheLastItemGivesAnEmptyPage() {
    WorkspaceId workspace = WorkspaceId.generate();
    List<Conversation> expected = insertSeven(workspace);
    Conversation last = expected.getLast();
    String cursor = new Cursor(last.createdAt(), last.id().value()).encode();

    Page<Conversation> page = conversations.findByWorkspace(workspace, new PageRequest(cursor, 3));

    assertEquals(List.of(), page.items());
    assertNull(page.nextCursor());
  }

  @Test
  void subMillisecondCreationTimesStillPageWithoutGapsOrDuplicates() {
    WorkspaceId workspace = WorkspaceId.generate();
    List<Conversation> created = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Conversation c = conversation(workspace, T0.plusNanos(1_000L * (i + 1)));
      conversations.insert(c);
      created.add(c);
    }

    List<Conversation> read =
        PageAssertions.readAll(
            page -> conversations.findByWorkspace(workspace, page), 2, List.of(2, 2, 1));

    assertEquals(
        created.stream()
            .map(Conversation::id)
            .sorted(Comparator.comparing(ConversationId::value))
            .toList(),
        read.stream().map(Conversation::id).toList());
    read.forEach(c -> assertEquals(T0, c.createdAt()));
  }

  /** Not Base64; "no-separator"; "abc|xyz" (time not a number); "|" (both parts empty). */
  @ParameterizedTest
  @ValueSource(strings = {"not a cursor!", "bm8tc2VwYXJhdG9y", "YWJjfHh5eg", "fA"})
  void invalidCursorIsAValidationError(String cursor) {
    WorkspaceId workspace = WorkspaceId.generate();
    conversations.insert(conversation(workspace, T0));

    assertThrows(
        ValidationException.class,
        () -> conversations.findByWorkspace(workspace, new PageRequest(cursor, 3)));
  }
}
