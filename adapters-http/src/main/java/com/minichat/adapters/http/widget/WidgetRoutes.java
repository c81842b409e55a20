package com.minichat.adapters.http.widget;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.minichat.adapters.http.conversation.ConversationRoutes.ReceiptRequest;
import com.minichat.adapters.http.conversation.ConversationRoutes.TextRequest;
import com.minichat.adapters.http.conversation.MessageResponse;
import com.minichat.adapters.http.support.Envelope;
import com.minichat.adapters.http.support.EventStream;
import com.minichat.adapters.http.support.JsonBody;
import com.minichat.adapters.http.support.Requests;
import com.minichat.adapters.http.workspace.WorkspaceRoutes.AppearanceResponse;
import com.minichat.application.port.in.widget.MessageExchange;
import com.minichat.application.port.in.widget.StartedConversation;
import com.minichat.application.port.in.widget.VisitorAccess;
import com.minichat.application.port.in.widget.VisitorConversationUseCase;
import com.minichat.application.port.in.widget.WidgetChatUseCase;
import com.minichat.domain.common.ValidationException;
import com.minichat.domain.conversation.Conversation;
import com.minichat.domain.conversation.ConversationId;
import com.minichat.domain.conversation.MessageId;
import com.minichat.domain.conversation.Reaction;
import com.minichat.domain.conversation.VisitorId;
import com.minichat.domain.workspace.WidgetKey;
import com.minichat.domain.workspace.Workspace;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Instant;
import java.util.Map;

/** The public endpoints the embeddable widget calls, identified by the public widget key. */
public final class WidgetRoutes {
  private final WidgetChatUseCase chat;
  private final VisitorConversationUseCase visitors;
  private final JsonBody body;
  private final Envelope envelope;
  private final WidgetOrigins origins;

  public WidgetRoutes(
      WidgetChatUseCase chat,
      VisitorConversationUseCase visitors,
      JsonBody body,
      Envelope envelope,
      WidgetOrigins origins) {
    this.chat = chat;
    this.visitors = visitors;
    this.body = body;
    this.envelope = envelope;
    this.origins = origins;
  }

  /** A visitor's message. */
  public record SendMessageRequest(String text) {}

  /**
   * What a new conversation starts with: the PIN of a private widget, and the visitor's id from an
   * earlier conversation so that a returning visitor keeps one identity; both optional.
   */
  public record StartRequest(String pin, String visitorId) {}

  /**
   * The visitor's stored message and the bot's reply; the reply is {@code null} while a person has
   * taken over.
   */
  public record ExchangeResponse(MessageResponse message, MessageResponse reply) {
    static ExchangeResponse from(MessageExchange exchange) {
      return new ExchangeResponse(
          MessageResponse.forVisitor(exchange.message()),
          exchange.reply() == null ? null : MessageResponse.forVisitor(exchange.reply()));
    }
  }

  /** What the visitor tells about themselves; every part is optional. */
  public record IdentifyRequest(String name, String email, String phone) {}

  /**
   * The visitor's verdict on an answer: {@code up}, {@code down} or {@code null} to take it back.
   */
  public record ReactionRequest(String reaction) {}

  /** The visitor's view of their conversation: who answers and what the team has seen. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record VisitorConversationResponse(
      String id,
      String status,
      boolean aiPaused,
      boolean humanRequested,
      Instant teamDeliveredUpTo,
      Instant teamSeenUpTo) {
    /** The visitor's view of {@code conversation}. */
    public static VisitorConversationResponse from(Conversation conversation) {
      return new VisitorConversationResponse(
          conversation.id().value(),
          conversation.status().name(),
          conversation.aiPaused(),
          conversation.humanRequested(),
          conversation.receipts().teamDeliveredUpTo(),
          conversation.receipts().teamSeenUpTo());
    }
  }

  /** What the widget needs to draw itself; nothing private. */
  public record WidgetConfigResponse(
      String name, String welcomeMessage, boolean pinRequired, AppearanceResponse appearance) {
    static WidgetConfigResponse from(Workspace workspace, String language) {
      return new WidgetConfigResponse(
          workspace.name(),
          workspace.welcomeFor(language),
          workspace.hasPin(),
          AppearanceResponse.from(workspace.appearance()));
    }
  }

  /** Adds the routes. */
  public void register(JavalinDefaultRoutingApi routes) {
    String config = "/api/v1/widget/{widgetKey}/config";
    String conversations = "/api/v1/widget/{widgetKey}/conversations";
    String conversation = conversations + "/{conversationId}";
    String messages = conversation + "/messages";
    String message = messages + "/{messageId}";
    routes.get(config, this::config);
    routes.post(conversations, this::start);
    routes.get(messages, this::history);
    routes.post(messages, this::send);
    routes.patch(message, this::edit);
    routes.put(message + "/reaction", this::react);
    routes.put(conversation + "/visitor", this::identify);
    routes.post(conversation + "/human", this::requestHuman);
    routes.post(conversation + "/receipts", this::receipt);
    for (String path :
        new String[] {
          config,
          conversations,
          messages,
          message,
          message + "/reaction",
          conversation + "/visitor",
          conversation + "/human",
          conversation + "/receipts"
        }) {
      routes.options(path, this::preflight);
    }
  }

  private void config(Context ctx) {
    // The visitor's language: the widget says which, or the browser's preference is used.
    String language = ctx.queryParam("lang");
    envelope.ok(
        ctx,
        WidgetConfigResponse.from(
            origins.allowedWidget(ctx),
            language != null ? language : ctx.header("Accept-Language")));
  }

  private void preflight(Context ctx) {
    origins.allowedWidget(ctx);
    ctx.header("Access-Control-Allow-Methods", "GET, POST, PUT, PATCH");
    ctx.header("Access-Control-Allow-Headers", "Authorization, Content-Type");
    ctx.header("Access-Control-Max-Age", "600");
    ctx.status(HttpStatus.NO_CONTENT);
  }

  private void start(Context ctx) {
    origins.allowedWidget(ctx);
    StartRequest request = body.readOptional(ctx, StartRequest.class, new StartRequest(null, null));
    StartedConversation started =
        chat.start(
            widgetKey(ctx),
            request.pin(),
            ctx.ip(),
            request.visitorId() == null ? null : VisitorId.returning(request.visitorId()));
    envelope.write(
        ctx,
        HttpStatus.CREATED,
        Map.of(
            "conversationId", started.conversation().id().value(),
            "visitorId", started.conversation().visitorId().value(),
            "visitorToken", started.visitorToken()));
  }

  private void history(Context ctx) {
    origins.allowedWidget(ctx);
    envelope.page(ctx, chat.history(access(ctx), Requests.page(ctx)), MessageResponse::forVisitor);
  }

  private void edit(Context ctx) {
    origins.allowedWidget(ctx);
    TextRequest request = body.read(ctx, TextRequest.class);
    envelope.ok(
        ctx,
        MessageResponse.forVisitor(visitors.edit(access(ctx), messageId(ctx), request.text())));
  }

  private void react(Context ctx) {
    origins.allowedWidget(ctx);
    ReactionRequest request = body.read(ctx, ReactionRequest.class);
    Reaction reaction =
        request.reaction() == null
            ? null
            : Reaction.fromWireName(request.reaction())
                .orElseThrow(() -> new ValidationException("reaction", "must be up, down or null"));
    envelope.ok(
        ctx, MessageResponse.forVisitor(visitors.react(access(ctx), messageId(ctx), reaction)));
  }

  private void identify(Context ctx) {
    origins.allowedWidget(ctx);
    IdentifyRequest request = body.read(ctx, IdentifyRequest.class);
    envelope.ok(
        ctx,
        VisitorConversationResponse.from(
            visitors.identify(access(ctx), request.name(), request.email(), request.phone())));
  }

  private void requestHuman(Context ctx) {
    origins.allowedWidget(ctx);
    envelope.ok(ctx, VisitorConversationResponse.from(visitors.requestHuman(access(ctx))));
  }

  private void receipt(Context ctx) {
    origins.allowedWidget(ctx);
    ReceiptRequest request = body.read(ctx, ReceiptRequest.class);
    envelope.ok(
        ctx,
        VisitorConversationResponse.from(
            visitors.receipt(access(ctx), request.parsedKind(), request.lastMessage())));
  }

  private void send(Context ctx) {
    origins.allowedWidget(ctx);
    VisitorAccess access = access(ctx);
    SendMessageRequest request = body.read(ctx, SendMessageRequest.class);
    EventStream.respond(
        ctx, envelope, sink -> chat.send(access, request.text(), sink), ExchangeResponse::from);
  }

  private static WidgetKey widgetKey(Context ctx) {
    return new WidgetKey(ctx.pathParam("widgetKey"));
  }

  private static MessageId messageId(Context ctx) {
    return new MessageId(ctx.pathParam("messageId"));
  }

  private static VisitorAccess access(Context ctx) {
    return new VisitorAccess(
        widgetKey(ctx),
        new ConversationId(ctx.pathParam("conversationId")),
        Requests.bearerToken(ctx));
  }
}
