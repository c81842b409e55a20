package com.minichat.adapters.http.conversation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.minichat.domain.conversation.Message;
import com.minichat.domain.conversation.ModelUsage;
import java.time.Instant;
import java.util.List;

/**
 * A message as the API shows it. The team sees who wrote it, earlier versions and what an AI answer
 * used; visitors see the text, the {@code editedAt} marker and their reaction only.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MessageResponse(
    String id,
    String conversationId,
    String author,
    String authorId,
    String text,
    Instant createdAt,
    Instant editedAt,
    List<EditResponse> edits,
    String reaction,
    UsageResponse usage) {

  /** An earlier version of the text. */
  public record EditResponse(String text, Instant replacedAt) {}

  /** What producing an AI answer used; the cost is in millionths of a US dollar. */
  public record UsageResponse(
      String provider, String model, long inputTokens, long outputTokens, long costMicros) {
    static UsageResponse from(ModelUsage usage) {
      return usage == null
          ? null
          : new UsageResponse(
              usage.provider(),
              usage.model(),
              usage.inputTokens(),
              usage.outputTokens(),
              usage.costMicros());
    }
  }

  /** The team's view of a stored message. */
  public static MessageResponse from(Message message) {
    return new MessageResponse(
        message.id().value(),
        message.conversationId().value(),
        message.author().name(),
        message.authorId() == null ? null : message.authorId().value(),
        message.text(),
        message.createdAt(),
        message.editedAt(),
        message.edits().stream()
            .map(edit -> new EditResponse(edit.text(), edit.replacedAt()))
            .toList(),
        reaction(message),
        UsageResponse.from(message.usage()));
  }

  /** The visitor's view of a stored message. */
  public static MessageResponse forVisitor(Message message) {
    return new MessageResponse(
        message.id().value(),
        message.conversationId().value(),
        message.author().name(),
        null,
        message.text(),
        message.createdAt(),
        message.editedAt(),
        null,
        reaction(message),
        null);
  }

  private static String reaction(Message message) {
    return message.reaction() == null ? null : message.reaction().wireName();
  }
}
