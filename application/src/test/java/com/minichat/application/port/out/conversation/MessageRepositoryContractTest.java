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
import com.minichat.domain.conversation.ConversationId;
import com.minichat.domain.conversation.Message;
import com.minichat.domain.conversation.MessageAuthor;
import com.minichat.domain.conversation.MessageEdit;
import com.minichat.domain.conversation.MessageId;
import com.minichat.domain.conversation.ModelUsage;
import com.minichat.domain.conversation.Reaction;
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
 * Behaviour every {@link MessageRepository} must show. Extend it and return a fresh, empty
 * repository from {@link #newRepository()}. {@code findRecent} with a limit below one returns an
 * empty list.
 */
public abstract class MessageRepositoryContractTest {
  /** A point in time with whole milliseconds, as every store keeps them. */
  protected static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123Z");

  private static final Comparator<Message> WRITTEN_ORDER =
      Comparator.comparing(Message::createdAt).thenComparing(m -> m.id().value());

  private MessageRepository messages;

  /** A new repository with no messages in it; called before every test. */
  protected abstract MessageRepository newRepository();

  @BeforeEach
  void setUpRepository() {
    messages = newRepository();
  }

  protected static Message message(
      ConversationId conversationId, WorkspaceId workspaceId, Instant createdAt) {
    return plain(
        MessageId.generate(),
        conversationId,
        workspaceId,
        MessageAuthor.VISITOR,
        "message at " + createdAt,
        createdAt);
  }

  /** A message never edited, reacted to or produced by a model. */
  private static Message plain(
      MessageId id,
      ConversationId conversationId,
      WorkspaceId workspaceId,
      MessageAuthor author,
      String text,
      Instant createdAt) {
    return new Message(
        id,
        conversationId,
        workspaceId,
        author,
        null,
        text,
        createdAt,
        null,
        List.of(),
        null,
        null);
  }

  /**
   * Seven messages of one conversation, three written at the very same instant and two more sharing
   * another, inserted in a shuffled order; returned in written order.
   */
  private List<Message> insertSeven(ConversationId conversationId, WorkspaceId workspaceId) {
    List<Instant> times =
        List.of(
            T0,
            T0.plusSeconds(1),
            T0.plusSeconds(1),
            T0.plusSeconds(1),
            T0.plusSeconds(2),
            T0.plusSeconds(3),
            T0.plusSeconds(3));
    List<Message> created = new ArrayList<>();
    for (Instant time : times) {
      created.add(message(conversationId, workspaceId, time));
    }
    List<Message> shuffled = new ArrayList<>(created);
    Collections.shuffle(shuffled, new Random(7));
    shuffled.forEach(messages::insert);
    return created.stream().sorted(WRITTEN_ORDER).toList();
  }

  /** Messages of other conversations, in the same and in other workspaces, around the same time. */
  private void insertNoise(WorkspaceId sameWorkspace) {
    ConversationId sibling = ConversationId.generate();
    ConversationId foreign = ConversationId.generate();
    messages.insert(message(sibling, sameWorkspace, T0));
    messages.insert(message(sibling, sameWorkspace, T0.plusSeconds(1)));
    messages.insert(message(foreign, WorkspaceId.generate(), T0.plusSeconds(3)));
    messages.insert(message(foreign, WorkspaceId.generate(), T0.plusSeconds(60)));
  }

  @Test
  void insertedMessageIsReadBackWithEveryFieldEqual() {
    ConversationId conversation = ConversationId.generate();
    WorkspaceId workspace = WorkspaceId.generate();
    List<Message> written = new ArrayList<>();
    MessageAuthor[] authors = MessageAuthor.values();
    for (int i = 0; i < authors.length; i++) {
      Message message =
          plain(
              MessageId.generate(),
              conversation,
              workspace,
              authors[i],
              "สวัสดีครับ 👋 line one\nline \"two\" <b>" + i,
              T0.plusMillis(i));
      messages.insert(message);
      written.add(message);
    }

    assertEquals(written, messages.findByConversation(conversation, PageRequest.first()).items());
  }

  @Test
  void everyOptionalFieldIsReadBackById() {
    Message full =
        new Message(
            MessageId.generate(),
            ConversationId.generate(),
            WorkspaceId.generate(),
            MessageAuthor.AGENT,
            new UserId("agent-1"),
            "แก้ไขแล้ว",
            T0,
            T0.plusSeconds(90),
            List.of(
                new MessageEdit("first", T0.plusSeconds(30)),
                new MessageEdit("second", T0.plusSeconds(90))),
            Reaction.DOWN,
            new ModelUsage("gemini", "gemini-2.0-flash", 1200, 87, 4_321));

    messages.insert(full);

    assertEquals(Optional.of(full), messages.findById(full.id()));
    assertTrue(messages.findById(MessageId.generate()).isEmpty());
  }

  @Test
  void anUpdateReplacesTheMessage() {
    Message original = message(ConversationId.generate(), WorkspaceId.generate(), T0);
    messages.insert(original);
    Message changed = original.edited("changed", T0.plusSeconds(10)).withReaction(Reaction.UP);

    messages.update(changed);

    assertEquals(Optional.of(changed), messages.findById(original.id()));
    assertEquals(
        List.of(changed),
        messages.findByConversation(original.conversationId(), PageRequest.first()).items());
  }

  @Test
  void updatingAnUnknownMessageIsNotFound() {
    assertThrows(
        NotFoundException.class,
        () -> messages.update(message(ConversationId.generate(), WorkspaceId.generate(), T0)));
  }

  @Test
  void duplicateIdIsAConflict() {
    ConversationId conversation = ConversationId.generate();
    WorkspaceId workspace = WorkspaceId.generate();
    Message first = message(conversation, workspace, T0);
    messages.insert(first);
    Message sameId = plain(first.id(), conversation, workspace, MessageAuthor.AI, "other", T0);

    assertThrows(ConflictException.class, () -> messages.insert(sameId));
    assertEquals(
        List.of(first), messages.findByConversation(conversation, PageRequest.first()).items());
  }

  @Test
  void pagesWalkTheConversationInOrderWithoutGapsOrDuplicates() {
    ConversationId conversation = ConversationId.generate();
    WorkspaceId workspace = WorkspaceId.generate();
    insertNoise(workspace);
    List<Message> expected = insertSeven(conversation, workspace);

    List<Message> read =
        PageAssertions.readAll(
            page -> messages.findByConversation(conversation, page), 3, List.of(3, 3, 1));

    assertEquals(expected, read);
  }

  @Test
  void aPageThatEndsTheListHasNoNextCursor() {
    ConversationId conversation = ConversationId.generate();
    List<Message> expected = insertSeven(conversation, WorkspaceId.generate());

    assertEquals(
        expected,
        PageAssertions.readAll(
            page -> messages.findByConversation(conversation, page), 7, List.of(7)));
  }

  @Test
  void unknownConversationGivesAnEmptyLastPage() {
    insertNoise(WorkspaceId.generate());

    Page<Message> page =
        messages.findByConversation(ConversationId.generate(), new PageRequest(null, 3));

    assertEquals(List.of(), page.items());
    assertNull(page.nextCursor());
  }

  @Test
  void cursorAfterTheLastItemGivesAnEmptyPage() {
    ConversationId conversation = ConversationId.generate();
    Message last = insertSeven(conversation, WorkspaceId.generate()).getLast();
    String cursor = new Cursor(last.createdAt(), last.id().value()).encode();

    Page<Message> page = messages.findByConversation(conversation, new PageRequest(cursor, 3));

    assertEquals(List.of(), page.items());
    assertNull(page.nextCursor());
  }

  /** Not Base64; "no-separator"; "abc|xyz" (time not a number); "|" (both parts empty). */
  @ParameterizedTest
  @ValueSource(strings = {"not a cursor!", "bm8tc2VwYXJhdG9y", "YWJjfHh5eg", "fA"})
  void invalidCursorIsAValidationError(String cursor) {
    ConversationId conversation = ConversationId.generate();
    messages.insert(message(conversation, WorkspaceId.generate(), T0));

    assertThrows(
        ValidationException.class,
        () -> messages.findByConversation(conversation, new PageRequest(cursor, 3)));
  }

  @Test
  void findRecentReturnsTheNewestMessagesOldestFirst() {
    ConversationId conversation = ConversationId.generate();
    WorkspaceId workspace = WorkspaceId.generate();
    List<Message> expected = insertSeven(conversation, workspace);
    insertNoise(workspace);

    assertEquals(expected.subList(4, 7), messages.findRecent(conversation, 3));
    assertEquals(expected.subList(1, 7), messages.findRecent(conversation, 6));
    assertEquals(expected.subList(6, 7), messages.findRecent(conversation, 1));
  }

  @Test
  void findRecentWithMoreRoomThanMessagesReturnsThemAll() {
    ConversationId conversation = ConversationId.generate();
    WorkspaceId workspace = WorkspaceId.generate();
    insertNoise(workspace);
    List<Message> expected = insertSeven(conversation, workspace);

    assertEquals(expected, messages.findRecent(conversation, 7));
    assertEquals(expected, messages.findRecent(conversation, 20));
  }

  @Test
  void findRecentOfAnUnknownConversationOrWithoutRoomIsEmpty() {
    ConversationId conversation = ConversationId.generate();
    insertSeven(conversation, WorkspaceId.generate());

    assertEquals(List.of(), messages.findRecent(ConversationId.generate(), 5));
    assertEquals(List.of(), messages.findRecent(conversation, 0));
  }

  @Test
  void instantsAreKeptToTheMillisecond() {
    ConversationId conversation = ConversationId.generate();
    Message precise = message(conversation, WorkspaceId.generate(), T0.plusNanos(999_999));

    messages.insert(precise);

    assertEquals(T0, messages.findRecent(conversation, 1).getFirst().createdAt());
  }
}
