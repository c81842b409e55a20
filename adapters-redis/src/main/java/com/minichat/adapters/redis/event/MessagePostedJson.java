package com.minichat.adapters.redis.event;

import com.minichat.domain.conversation.ConversationId;
import com.minichat.domain.conversation.MessageAuthor;
import com.minichat.domain.conversation.MessageId;
import com.minichat.domain.conversation.MessagePosted;
import com.minichat.domain.workspace.WorkspaceId;
import java.time.Instant;

/**
 * The wire form of {@link MessagePosted} on the Redis channel. {@code type} and {@code version} let
 * other event kinds and later shapes share the channel: a reader skips what it does not know.
 */
record MessagePostedJson(
    String type,
    int version,
    String workspaceId,
    String conversationId,
    String messageId,
    String author,
    Instant at) {

  static final String TYPE = "MessagePosted";
  static final int VERSION = 1;

  static MessagePostedJson from(MessagePosted event) {
    return new MessagePostedJson(
        TYPE,
        VERSION,
        event.workspaceId().value(),
        event.conversationId().value(),
        event.messageId().value(),
        event.author().name(),
        event.at());
  }

  /** Whether this reader understands the message. */
  boolean isKnown() {
    return TYPE.equals(type) && version == VERSION;
  }

  MessagePosted toEvent() {
    return new MessagePosted(
        new WorkspaceId(workspaceId),
        new ConversationId(conversationId),
        new MessageId(messageId),
        MessageAuthor.valueOf(author),
        at);
  }
}
