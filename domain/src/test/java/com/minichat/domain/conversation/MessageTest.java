package com.minichat.domain.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.minichat.domain.common.FieldViolation;
import com.minichat.domain.common.ValidationException;
import com.minichat.domain.workspace.WorkspaceId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MessageTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123Z");
  private static final Conversation CONVERSATION =
      Conversation.start(new WorkspaceId("ws-1"), new VisitorId("visitor-1"), T0);

  private static Message visitorSays(String text) {
    return Message.create(CONVERSATION, MessageAuthor.VISITOR, text, T0);
  }

  @Test
  void textIsStripped() {
    assertEquals("Are you open today?", visitorSays("  \n Are you open today?\t ").text());
  }

  @Test
  void innerWhitespaceIsKept() {
    assertEquals("line one\n\nline two", visitorSays("line one\n\nline two").text());
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {" ", "\n\t  "})
  void emptyTextIsRefused(String text) {
    ValidationException e = assertThrows(ValidationException.class, () -> visitorSays(text));

    assertEquals(List.of(new FieldViolation("text", "must not be empty")), e.violations());
  }

  @Test
  void textUpToTheMaximumIsAccepted() {
    String longest = "ก".repeat(Message.MAX_TEXT_LENGTH);

    assertEquals(longest, visitorSays(longest).text());
  }

  @Test
  void surroundingWhitespaceDoesNotCountTowardsTheMaximum() {
    String longest = "x".repeat(Message.MAX_TEXT_LENGTH);

    assertEquals(longest, visitorSays("   " + longest + "\n").text());
  }

  @Test
  void longerTextIsRefused() {
    ValidationException e =
        assertThrows(
            ValidationException.class, () -> visitorSays("x".repeat(Message.MAX_TEXT_LENGTH + 1)));

    assertEquals(
        List.of(
            new FieldViolation(
                "text", "must be at most " + Message.MAX_TEXT_LENGTH + " characters")),
        e.violations());
  }

  @Test
  void createBelongsToTheConversationAndItsWorkspace() {
    Message message = Message.create(CONVERSATION, MessageAuthor.AI, "Yes, 8–18.", T0);

    assertEquals(CONVERSATION.id(), message.conversationId());
    assertEquals(CONVERSATION.workspaceId(), message.workspaceId());
    assertEquals(MessageAuthor.AI, message.author());
    assertEquals(T0, message.createdAt());
    assertNotEquals(visitorSays("a").id(), visitorSays("a").id());
  }

  @Test
  void messagePostedDescribesTheStoredMessage() {
    Message message = visitorSays("Hello");

    assertEquals(
        new MessagePosted(
            CONVERSATION.workspaceId(), CONVERSATION.id(), message.id(), MessageAuthor.VISITOR, T0),
        MessagePosted.of(message));
  }

  @Test
  void startedConversationIsOpen() {
    assertEquals(ConversationStatus.OPEN, CONVERSATION.status());
    assertEquals(T0, CONVERSATION.createdAt());
    assertEquals(T0, CONVERSATION.updatedAt());
  }

  @Test
  void anEditKeepsTheEarlierTextAndMarksTheMessage() {
    Message original = visitorSays("Opne today?");
    Instant later = T0.plusSeconds(30);

    Message edited =
        original.edited("Open today?", later).edited("Open today at 8?", later.plusSeconds(5));

    assertEquals("Open today at 8?", edited.text());
    assertEquals(later.plusSeconds(5), edited.editedAt());
    assertEquals(
        List.of(
            new MessageEdit("Opne today?", later),
            new MessageEdit("Open today?", later.plusSeconds(5))),
        edited.edits());
    assertEquals(original.createdAt(), edited.createdAt());
  }

  @Test
  void aMessageMayBeEditedForFiveMinutes() {
    Message message = visitorSays("Hi");

    assertEquals(true, message.editableAt(T0.plus(Message.EDIT_WINDOW)));
    assertEquals(false, message.editableAt(T0.plus(Message.EDIT_WINDOW).plusMillis(1)));
  }

  @Test
  void aReactionCanBeGivenChangedAndTakenBack() {
    Message answer =
        Message.aiAnswer(
            CONVERSATION, "We open at 8.", new ModelUsage("offline", "offline", 0, 0, 0), T0);

    assertEquals(Reaction.UP, answer.withReaction(Reaction.UP).reaction());
    assertEquals(
        Reaction.DOWN, answer.withReaction(Reaction.UP).withReaction(Reaction.DOWN).reaction());
    assertEquals(null, answer.withReaction(Reaction.UP).withReaction(null).reaction());
  }

  @Test
  void aVisitorsMarkupAndInvisibleCharactersAreDropped() {
    assertEquals(
        "Hi there!", visitorSays("<b>Hi</b> <a href=\"https://x.example\">there</a>!").text());
    assertEquals("alert(1)สวัสดี", visitorSays("<script>alert(1)</script>\u200Bสวัสดี").text());
    assertEquals("3 < 5 and 6 > 2", visitorSays("3 < 5 and 6 > 2").text());
    assertEquals("line one\nline two", visitorSays("line one\r\nline two").text());
  }

  @Test
  void onlyMarkupIsAnEmptyMessage() {
    assertThrows(ValidationException.class, () -> visitorSays("<img src=x onerror=alert(1)>"));
  }

  @Test
  void theBotsAndTheTeamsTextIsKeptAsWritten() {
    Message bot = Message.create(CONVERSATION, MessageAuthor.SYSTEM, "<b>Closed</b>", T0);

    assertEquals("<b>Closed</b>", bot.text());
  }
}
