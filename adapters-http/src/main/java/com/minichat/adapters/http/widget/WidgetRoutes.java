package com.minichat.adapters.http.widget;

import com.minichat.adapters.http.conversation.MessageResponse;
import com.minichat.adapters.http.support.Envelope;
import com.minichat.adapters.http.support.JsonBody;
import com.minichat.adapters.http.support.Requests;
import com.minichat.application.port.in.widget.MessageExchange;
import com.minichat.application.port.in.widget.StartedConversation;
import com.minichat.application.port.in.widget.VisitorAccess;
import com.minichat.application.port.in.widget.WidgetChatUseCase;
import com.minichat.domain.conversation.ConversationId;
import com.minichat.domain.workspace.WidgetKey;
import com.minichat.domain.workspace.Workspace;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.Map;

/** The public endpoints the embeddable widget calls, identified by the public widget key. */
public final class WidgetRoutes {
  private final WidgetChatUseCase chat;
  private final JsonBody body;
  private final Envelope envelope;

  public WidgetRoutes(WidgetChatUseCase chat, JsonBody body, Envelope envelope) {
    this.chat = chat;
    this.body = body;
    this.envelope = envelope;
  }

  /** A visitor's message. */
  public record SendMessageRequest(String text) {}

  /** What the widget needs to draw itself; nothing private. */
  public record WidgetConfigResponse(String name, String welcomeMessage) {
    static WidgetConfigResponse from(Workspace workspace) {
      return new WidgetConfigResponse(workspace.name(), workspace.welcomeMessage());
    }
  }

  /** Adds the routes. */
  public void register(JavalinDefaultRoutingApi routes) {
    routes.get("/api/v1/widget/{widgetKey}/config", this::config);
    routes.post("/api/v1/widget/{widgetKey}/conversations", this::start);
    routes.get("/api/v1/widget/{widgetKey}/conversations/{conversationId}/messages", this::history);
    routes.post("/api/v1/widget/{widgetKey}/conversations/{conversationId}/messages", this::send);
  }

  private void config(Context ctx) {
    envelope.ok(ctx, WidgetConfigResponse.from(chat.widget(widgetKey(ctx))));
  }

  private void start(Context ctx) {
    StartedConversation started = chat.start(widgetKey(ctx));
    envelope.write(
        ctx,
        HttpStatus.CREATED,
        Map.of(
            "conversationId", started.conversation().id().value(),
            "visitorToken", started.visitorToken()));
  }

  private void history(Context ctx) {
    envelope.page(ctx, chat.history(access(ctx), Requests.page(ctx)), MessageResponse::from);
  }

  private void send(Context ctx) {
    VisitorAccess access = access(ctx);
    SendMessageRequest request = body.read(ctx, SendMessageRequest.class);
    MessageExchange exchange = chat.send(access, request.text());
    envelope.ok(
        ctx,
        Map.of(
            "message", MessageResponse.from(exchange.message()),
            "reply", MessageResponse.from(exchange.reply())));
  }

  private static WidgetKey widgetKey(Context ctx) {
    return new WidgetKey(ctx.pathParam("widgetKey"));
  }

  private static VisitorAccess access(Context ctx) {
    return new VisitorAccess(
        widgetKey(ctx),
        new ConversationId(ctx.pathParam("conversationId")),
        Requests.bearerToken(ctx));
  }
}
