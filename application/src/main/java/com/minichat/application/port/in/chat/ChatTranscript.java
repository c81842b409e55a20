package com.minichat.application.port.in.chat;

import com.minichat.domain.common.Violations;
import com.minichat.domain.conversation.Message;
import java.util.List;
import java.util.Objects;

/**
 * A chat as a client keeps it (the {@code messages} of an OpenAI request): turns oldest first,
 * ending with the user's question. It checks itself: at least one turn, the last turn other than
 * instructions is the user's and has text, and no turn's text is longer than a message may be.
 * Violations name the turn as {@code messages[i].content}.
 *
 * @param messages every turn the client sent, instructions included, in the client's order
 */
public record ChatTranscript(List<Turn> messages) {
  /** Who wrote a turn. */
  public enum Role {
    /**
     * The client's instructions to the model (OpenAI's {@code system} and {@code developer}
     * messages). They are not part of the conversation and never replace the workspace's persona.
     */
    INSTRUCTION,
    /** The person asking. */
    USER,
    /** Earlier answers, as the client kept them. */
    ASSISTANT
  }

  /**
   * One turn.
   *
   * @param content the text; {@code null} or blank for a turn without text, which is skipped
   */
  public record Turn(Role role, String content) {
    public Turn {
      Objects.requireNonNull(role, "role");
    }
  }

  public ChatTranscript {
    messages = List.copyOf(messages);
    Violations violations = new Violations();
    for (int i = 0; i < messages.size(); i++) {
      Turn turn = messages.get(i);
      if (turn.role() != Role.INSTRUCTION) {
        boolean question = i == lastTurn(messages);
        violations.text(turn.content(), field(i), question, Message.MAX_TEXT_LENGTH);
        violations.check(
            !question || turn.role() == Role.USER,
            "messages[" + i + "].role",
            "the last message must be the user's question");
      }
    }
    violations.check(lastTurn(messages) >= 0, "messages", "must contain a user message");
    violations.throwIfAny();
  }

  /** The text of the last turn: the user's question. */
  public String question() {
    return messages.get(lastTurn(messages)).content();
  }

  /** The user and assistant turns with text before the question, oldest first. */
  public List<Turn> earlier() {
    return messages.subList(0, lastTurn(messages)).stream()
        .filter(turn -> turn.role() != Role.INSTRUCTION)
        .filter(turn -> turn.content() != null && !turn.content().isBlank())
        .toList();
  }

  private static String field(int index) {
    return "messages[" + index + "].content";
  }

  /** The index of the last turn that is not an instruction; -1 when there is none. */
  private static int lastTurn(List<Turn> messages) {
    for (int i = messages.size() - 1; i >= 0; i--) {
      if (messages.get(i).role() != Role.INSTRUCTION) {
        return i;
      }
    }
    return -1;
  }
}
