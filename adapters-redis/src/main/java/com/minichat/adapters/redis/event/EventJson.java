package com.minichat.adapters.redis.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.minichat.domain.conversation.ConversationChanged;
import com.minichat.domain.conversation.ConversationEvent;
import com.minichat.domain.conversation.ConversationId;
import com.minichat.domain.conversation.MessageAuthor;
import com.minichat.domain.conversation.MessageChanged;
import com.minichat.domain.conversation.MessageId;
import com.minichat.domain.conversation.MessagePosted;
import com.minichat.domain.conversation.Presence;
import com.minichat.domain.conversation.Typing;
import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.WorkspaceId;
import java.time.Instant;

/**
 * An event as it travels between instances: a type name, a version and the fields of every kind,
 * those a kind does not have left out. Readers skip types or versions they do not know, so
 * instances of different versions can share a channel during a rolling upgrade.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record EventJson(
    String type,
    int version,
    String workspaceId,
    String conversationId,
    String messageId,
    String author,
    String agentId,
    Boolean active,
    Instant at) {

  static final int VERSION = 1;

  static EventJson from(ConversationEvent event) {
    String workspace = event.workspaceId().value();
    String conversation = event.conversationId() == null ? null : event.conversationId().value();
    return switch (event) {
      case MessagePosted posted ->
          new EventJson(
              "MessagePosted",
              VERSION,
              workspace,
              conversation,
              posted.messageId().value(),
              posted.author().name(),
              null,
              null,
              posted.at());
      case MessageChanged changed ->
          new EventJson(
              "MessageChanged",
              VERSION,
              workspace,
              conversation,
              changed.messageId().value(),
              null,
              null,
              null,
              changed.at());
      case ConversationChanged changed ->
          new EventJson(
              "ConversationChanged",
              VERSION,
              workspace,
              conversation,
              null,
              null,
              null,
              null,
              changed.at());
      case Typing typing ->
          new EventJson(
              "Typing",
              VERSION,
              workspace,
              conversation,
              null,
              typing.who().name(),
              agent(typing.agent()),
              typing.typing(),
              typing.at());
      case Presence presence ->
          new EventJson(
              "Presence",
              VERSION,
              workspace,
              conversation,
              null,
              presence.who().name(),
              agent(presence.agent()),
              presence.online(),
              presence.at());
    };
  }

  /** The event, or {@code null} for a type or version this reader does not know. */
  ConversationEvent toEvent() {
    if (version != VERSION || type == null) {
      return null;
    }
    WorkspaceId workspace = new WorkspaceId(workspaceId);
    ConversationId conversation =
        conversationId == null ? null : new ConversationId(conversationId);
    UserId agent = agentId == null ? null : new UserId(agentId);
    return switch (type) {
      case "MessagePosted" ->
          new MessagePosted(
              workspace, conversation, new MessageId(messageId), MessageAuthor.valueOf(author), at);
      case "MessageChanged" ->
          new MessageChanged(workspace, conversation, new MessageId(messageId), at);
      case "ConversationChanged" -> new ConversationChanged(workspace, conversation, at);
      case "Typing" ->
          new Typing(workspace, conversation, MessageAuthor.valueOf(author), agent, active, at);
      case "Presence" ->
          new Presence(workspace, conversation, MessageAuthor.valueOf(author), agent, active, at);
      default -> null;
    };
  }

  private static String agent(UserId agent) {
    return agent == null ? null : agent.value();
  }
}
