package com.minichat.domain.conversation;

import com.minichat.domain.common.ValidationException;
import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.WorkspaceId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One message in a conversation.
 *
 * @param authorId the team member who wrote an agent message; {@code null} for the visitor, the
 *     bot, system notices and messages sent with an API key
 * @param editedAt when the text was last changed; {@code null} if never
 * @param edits earlier versions of the text, oldest first
 * @param reaction the visitor's verdict on an AI answer; {@code null} if none
 * @param usage what an AI answer used; {@code null} for other messages
 */
public record Message(
    MessageId id,
    ConversationId conversationId,
    WorkspaceId workspaceId,
    MessageAuthor author,
    UserId authorId,
    String text,
    Instant createdAt,
    Instant editedAt,
    List<MessageEdit> edits,
    Reaction reaction,
    ModelUsage usage) {

  /** Longest message text accepted, in characters. */
  public static final int MAX_TEXT_LENGTH = 4000;

  /** How long after writing a message its author may still change it. */
  public static final Duration EDIT_WINDOW = Duration.ofMinutes(5);

  /** An HTML tag, comment or declaration; a lone {@code <} as in "3 < 5" is not one. */
  private static final Pattern TAG = Pattern.compile("<(?:[A-Za-z/!?][^<>]{0,2000})>");

  /** Control and zero-width formatting characters other than line breaks and tabs. */
  private static final Pattern CONTROL =
      Pattern.compile(
          "[\\p{Cc}&&[^\\n\\t]]|[\\u200B\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069\\uFEFF]");

  public Message {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(conversationId, "conversationId");
    Objects.requireNonNull(workspaceId, "workspaceId");
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(createdAt, "createdAt");
    text = requireText(text);
    edits = edits == null ? List.of() : List.copyOf(edits);
  }

  /**
   * A new message in {@code conversation} written now by the visitor, the bot or the system. A
   * visitor's text loses any markup (HTML tags) and invisible control characters first: it is shown
   * in dashboards and sent to AI providers, and neither should receive markup from strangers.
   */
  public static Message create(
      Conversation conversation, MessageAuthor author, String text, Instant now) {
    return new Message(
        MessageId.generate(),
        conversation.id(),
        conversation.workspaceId(),
        author,
        null,
        author == MessageAuthor.VISITOR ? withoutMarkup(text) : text,
        now,
        null,
        List.of(),
        null,
        null);
  }

  /** A team member's answer; {@code agent} is {@code null} when it was sent with an API key. */
  public static Message byAgent(Conversation conversation, UserId agent, String text, Instant now) {
    return new Message(
        MessageId.generate(),
        conversation.id(),
        conversation.workspaceId(),
        MessageAuthor.AGENT,
        agent,
        text,
        now,
        null,
        List.of(),
        null,
        null);
  }

  /** The bot's answer and what it used. */
  public static Message aiAnswer(
      Conversation conversation, String text, ModelUsage usage, Instant now) {
    return new Message(
        MessageId.generate(),
        conversation.id(),
        conversation.workspaceId(),
        MessageAuthor.AI,
        null,
        text,
        now,
        null,
        List.of(),
        null,
        Objects.requireNonNull(usage, "usage"));
  }

  /** Whether the author may still change the text at {@code now}. */
  public boolean editableAt(Instant now) {
    return !now.isAfter(createdAt.plus(EDIT_WINDOW));
  }

  /** The message with new text, the old one kept in {@link #edits()}. */
  public Message edited(String newText, Instant now) {
    List<MessageEdit> history = new ArrayList<>(edits);
    history.add(new MessageEdit(text, now));
    return new Message(
        id,
        conversationId,
        workspaceId,
        author,
        authorId,
        newText,
        createdAt,
        now,
        history,
        reaction,
        usage);
  }

  /** The message with the visitor's verdict; {@code null} takes it back. */
  public Message withReaction(Reaction newReaction) {
    return new Message(
        id,
        conversationId,
        workspaceId,
        author,
        authorId,
        text,
        createdAt,
        editedAt,
        edits,
        newReaction,
        usage);
  }

  /** The text without HTML tags and control characters (line breaks and tabs stay). */
  static String withoutMarkup(String text) {
    if (text == null) {
      return null;
    }
    return CONTROL.matcher(TAG.matcher(text).replaceAll("")).replaceAll("");
  }

  private static String requireText(String text) {
    if (text == null || text.isBlank()) {
      throw new ValidationException("text", "must not be empty");
    }
    String stripped = text.strip();
    if (stripped.length() > MAX_TEXT_LENGTH) {
      throw new ValidationException("text", "must be at most " + MAX_TEXT_LENGTH + " characters");
    }
    return stripped;
  }
}
