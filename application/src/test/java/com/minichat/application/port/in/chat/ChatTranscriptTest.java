package com.minichat.application.port.in.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.minichat.application.port.in.chat.ChatTranscript.Role;
import com.minichat.application.port.in.chat.ChatTranscript.Turn;
import com.minichat.domain.common.FieldViolation;
import com.minichat.domain.common.ValidationException;
import com.minichat.domain.conversation.Message;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatTranscriptTest {
  private static final Turn SYSTEM = new Turn(Role.INSTRUCTION, "Be brief");

  private static List<FieldViolation> violations(Turn... turns) {
    return assertThrows(ValidationException.class, () -> new ChatTranscript(List.of(turns)))
        .violations();
  }

  @Test
  void theQuestionIsTheLastTurnAndTheEarlierTurnsWithTextAreTheConversation() {
    ChatTranscript transcript =
        new ChatTranscript(
            List.of(
                SYSTEM,
                new Turn(Role.USER, "Hi"),
                new Turn(Role.ASSISTANT, null),
                new Turn(Role.ASSISTANT, "Hello!"),
                new Turn(Role.USER, " "),
                new Turn(Role.USER, "Open today?"),
                SYSTEM));

    assertEquals("Open today?", transcript.question());
    assertEquals(
        List.of(new Turn(Role.USER, "Hi"), new Turn(Role.ASSISTANT, "Hello!")),
        transcript.earlier());
  }

  @Test
  void aTranscriptNeedsAUserQuestionAtTheEnd() {
    FieldViolation noQuestion = new FieldViolation("messages", "must contain a user message");
    assertEquals(List.of(noQuestion), violations());
    assertEquals(List.of(noQuestion), violations(SYSTEM));
    assertEquals(
        List.of(
            new FieldViolation("messages[1].role", "the last message must be the user's question")),
        violations(new Turn(Role.USER, "Hi"), new Turn(Role.ASSISTANT, "Hello"), SYSTEM));
    assertEquals(
        List.of(new FieldViolation("messages[0].content", "is required")),
        violations(new Turn(Role.USER, "  ")));
  }

  @Test
  void everyTooLongTurnIsNamedButInstructionsAreNotChecked() {
    String tooLong = "x".repeat(Message.MAX_TEXT_LENGTH + 1);
    String issue = "must be at most " + Message.MAX_TEXT_LENGTH + " characters";

    assertEquals(
        List.of(
            new FieldViolation("messages[1].content", issue),
            new FieldViolation("messages[2].content", issue)),
        violations(
            new Turn(Role.INSTRUCTION, tooLong),
            new Turn(Role.ASSISTANT, tooLong),
            new Turn(Role.USER, tooLong)));
  }
}
