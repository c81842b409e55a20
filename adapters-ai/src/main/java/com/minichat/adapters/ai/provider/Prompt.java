package com.minichat.adapters.ai.provider;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.minichat.application.port.out.ai.ReplyRequest;
import com.minichat.domain.conversation.Message;
import com.minichat.domain.conversation.MessageAuthor;
import com.minichat.domain.workspace.FaqEntry;
import com.minichat.domain.workspace.Workspace;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A reply request in the shape every chat provider takes: one system text and alternating turns
 * ending with the visitor's question.
 *
 * @param system the persona, the workspace's knowledge and the house rules
 * @param turns the conversation, oldest first; the last one is the question
 */
public record Prompt(String system, List<Turn> turns) {
  /** Who said a turn, in the providers' terms. */
  public enum Role {
    USER,
    ASSISTANT
  }

  /** One turn of the conversation. */
  public record Turn(Role role, String text) {}

  public Prompt {
    turns = List.copyOf(turns);
  }

  /**
   * The prompt for {@code request}: visitor messages become user turns; AI and agent answers become
   * assistant turns; system notices are left out. Consecutive turns of the same role are joined,
   * since some providers insist on strict alternation.
   */
  public static Prompt of(ReplyRequest request) {
    List<Turn> turns = new ArrayList<>();
    for (Message message : request.history()) {
      if (message.author() != MessageAuthor.SYSTEM) {
        add(
            turns,
            message.author() == MessageAuthor.VISITOR ? Role.USER : Role.ASSISTANT,
            message.text());
      }
    }
    add(turns, Role.USER, request.question());
    // the first turn must be the visitor's for providers that require it
    while (turns.getFirst().role() != Role.USER) {
      turns.removeFirst();
    }
    return new Prompt(system(request.workspace()), turns);
  }

  /**
   * Adds the turns to a chat API's {@code messages} array as {@code {role, content}} objects with
   * the roles {@code user} and {@code assistant}, as OpenAI, Anthropic and Ollama take them.
   */
  public void addTurnsTo(ArrayNode messages) {
    for (Turn turn : turns) {
      messages
          .addObject()
          .put("role", turn.role().name().toLowerCase(Locale.ROOT))
          .put("content", turn.text());
    }
  }

  private static void add(List<Turn> turns, Role role, String text) {
    if (!turns.isEmpty() && turns.getLast().role() == role) {
      turns.set(turns.size() - 1, new Turn(role, turns.getLast().text() + "\n\n" + text));
    } else {
      turns.add(new Turn(role, text));
    }
  }

  private static String system(Workspace workspace) {
    StringBuilder text = new StringBuilder();
    text.append("You are the chat assistant of ")
        .append(workspace.name())
        .append(" on its website. Answer in the visitor's language (Thai or English), briefly and")
        .append(" politely. If you do not know, say so and offer that the team will follow up;")
        .append(" never invent prices, policies or contact details.");
    if (!workspace.systemPrompt().isBlank()) {
      text.append("\n\n").append(workspace.systemPrompt());
    }
    if (!workspace.faq().isEmpty()) {
      text.append("\n\nFacts about the business, as questions and answers:");
      for (FaqEntry entry : workspace.faq()) {
        text.append("\nQ: ").append(entry.question()).append("\nA: ").append(entry.answer());
      }
    }
    return text.toString();
  }
}
