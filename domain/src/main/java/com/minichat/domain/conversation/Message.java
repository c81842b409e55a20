package com.minichat.domain.conversation;

import com.minichat.domain.common.ValidationException;
import com.minichat.domain.workspace.WorkspaceId;
import java.time.Instant;
import java.util.Objects;

/** One message in a conversation. */
public record Message(
    MessageId id,
    ConversationId conversationId,
    WorkspaceId workspaceId,
    MessageAuthor author,
    String text,
    Instant createdAt) {

  /** Longest message text accepted, in characters. */
  public static final int MAX_TEXT_LENGTH = 4000;

  public Message {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(conversationId, "conversationId");
    Objects.requireNonNull(workspaceId, "workspaceId");
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(createdAt, "createdAt");
    text = requireText(text);
  }

  /** A new message in {@code conversation} written now. */
  public static Message create(
      Conversation conversation, MessageAuthor author, String text, Instant now) {
    return new Message(
        MessageId.generate(), conversation.id(), conversation.workspaceId(), author, text, now);
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
