package com.minichat.adapters.http.chat;

import com.minichat.adapters.http.conversation.MessageResponse;
import com.minichat.adapters.http.support.Actors;
import com.minichat.adapters.http.support.Envelope;
import com.minichat.adapters.http.support.EventStream;
import com.minichat.adapters.http.support.JsonBody;
import com.minichat.application.port.in.chat.ServerChatUseCase;
import com.minichat.application.port.in.widget.MessageExchange;
import com.minichat.domain.access.KeyActor;
import com.minichat.domain.common.ValidationException;
import com.minichat.domain.conversation.ConversationId;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;

/**
 * {@code POST /api/v1/chat}: the workspace bot for other servers (a workspace API key with the
 * {@code write} scope), in JSON or, with {@code Accept: text/event-stream}, streamed like the
 * widget's replies.
 */
public final class ChatRoutes {
  private final ServerChatUseCase chat;
  private final Actors actors;
  private final JsonBody body;
  private final Envelope envelope;

  public ChatRoutes(ServerChatUseCase chat, Actors actors, JsonBody body, Envelope envelope) {
    this.chat = chat;
    this.actors = actors;
    this.body = body;
    this.envelope = envelope;
  }

  /** A question for the bot; without {@code conversationId} it starts a new conversation. */
  public record ChatRequest(String message, String conversationId) {
    /** The conversation to continue; {@code null} for a new one. */
    ConversationId conversation() {
      if (conversationId == null) {
        return null;
      }
      if (conversationId.isBlank()) {
        throw new ValidationException("conversationId", "must not be empty; leave it out instead");
      }
      return new ConversationId(conversationId);
    }
  }

  /**
   * The conversation, the stored question and the bot's reply, as the team sees them; the reply is
   * {@code null} while a person has taken the conversation over.
   */
  public record ChatResponse(
      String conversationId, MessageResponse message, MessageResponse reply) {
    static ChatResponse from(MessageExchange exchange) {
      return new ChatResponse(
          exchange.message().conversationId().value(),
          MessageResponse.from(exchange.message()),
          exchange.reply() == null ? null : MessageResponse.from(exchange.reply()));
    }
  }

  /** Adds the route. */
  public void register(JavalinDefaultRoutingApi routes) {
    routes.post("/api/v1/chat", this::chat);
  }

  private void chat(Context ctx) {
    KeyActor key = actors.key(ctx);
    ChatRequest request = body.read(ctx, ChatRequest.class);
    ConversationId conversationId = request.conversation();
    EventStream.respond(
        ctx,
        envelope,
        sink -> chat.chat(key, request.message(), conversationId, sink),
        ChatResponse::from);
  }
}
