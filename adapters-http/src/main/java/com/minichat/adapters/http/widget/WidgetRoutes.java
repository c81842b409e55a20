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
import com.minichat.application.port.out.ai.TokenSink;
import com.minichat.domain.common.ForbiddenException;
import com.minichat.domain.common.ValidationException;
import com.minichat.domain.conversation.Conversation;
import com.minichat.domain.conversation.ConversationId;
import com.minichat.domain.conversation.MessageId;
import com.minichat.domain.conversation.Reaction;
import com.minichat.domain.workspace.WidgetKey;
import com.minichat.domain.workspace.Workspace;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/** The public endpoints the embeddable widget calls, identified by the public widget key. */
public final class WidgetRoutes {
  private static final String ORIGIN = "Origin";

  private final WidgetChatUseCase chat;
  private final VisitorConversationUseCase visitors;
  private final JsonBody body;
  private final Envelope envelope;
  private final URI ownOrigin;

  /**
   * @param publicBaseUrl this server's public address; its own pages (demo, dashboard test chat)
   *     may always use the widget
   */
  public WidgetRoutes(
      WidgetChatUseCase chat,
      VisitorConversationUseCase visitors,
      JsonBody body,
      Envelope envelope,
      String publicBaseUrl) {
    this.chat = chat;
    this.visitors = visitors;
    this.body = body;
    this.envelope = envelope;
    this.ownOrigin = origin(URI.create(publicBaseUrl));
  }

  /** A visitor's message. */
  public record SendMessageRequest(String text) {}

  /** The PIN of a private widget, when it has one. */
  public record StartRequest(String pin) {}

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
    static VisitorConversationResponse from(Conversation conversation) {
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
            allowedWidget(ctx), language != null ? language : ctx.header("Accept-Language")));
  }

  private void preflight(Context ctx) {
    allowedWidget(ctx);
    ctx.header("Access-Control-Allow-Methods", "GET, POST, PUT, PATCH");
    ctx.header("Access-Control-Allow-Headers", "Authorization, Content-Type");
    ctx.header("Access-Control-Max-Age", "600");
    ctx.status(HttpStatus.NO_CONTENT);
  }

  private void start(Context ctx) {
    allowedWidget(ctx);
    String pin = body.readOptional(ctx, StartRequest.class, new StartRequest(null)).pin();
    StartedConversation started = chat.start(widgetKey(ctx), pin, ctx.ip());
    envelope.write(
        ctx,
        HttpStatus.CREATED,
        Map.of(
            "conversationId", started.conversation().id().value(),
            "visitorToken", started.visitorToken()));
  }

  private void history(Context ctx) {
    allowedWidget(ctx);
    envelope.page(ctx, chat.history(access(ctx), Requests.page(ctx)), MessageResponse::forVisitor);
  }

  private void edit(Context ctx) {
    allowedWidget(ctx);
    TextRequest request = body.read(ctx, TextRequest.class);
    envelope.ok(
        ctx,
        MessageResponse.forVisitor(visitors.edit(access(ctx), messageId(ctx), request.text())));
  }

  private void react(Context ctx) {
    allowedWidget(ctx);
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
    allowedWidget(ctx);
    IdentifyRequest request = body.read(ctx, IdentifyRequest.class);
    envelope.ok(
        ctx,
        VisitorConversationResponse.from(
            visitors.identify(access(ctx), request.name(), request.email(), request.phone())));
  }

  private void requestHuman(Context ctx) {
    allowedWidget(ctx);
    envelope.ok(ctx, VisitorConversationResponse.from(visitors.requestHuman(access(ctx))));
  }

  private void receipt(Context ctx) {
    allowedWidget(ctx);
    ReceiptRequest request = body.read(ctx, ReceiptRequest.class);
    envelope.ok(
        ctx,
        VisitorConversationResponse.from(
            visitors.receipt(access(ctx), request.parsedKind(), request.lastMessage())));
  }

  private void send(Context ctx) {
    allowedWidget(ctx);
    VisitorAccess access = access(ctx);
    SendMessageRequest request = body.read(ctx, SendMessageRequest.class);
    if (EventStream.wanted(ctx)) {
      EventStream.respond(
          ctx, sink -> chat.send(access, request.text(), sink), ExchangeResponse::from);
    } else {
      envelope.ok(ctx, ExchangeResponse.from(chat.send(access, request.text(), TokenSink.NONE)));
    }
  }

  /**
   * The widget's workspace, when the calling page may use it: requests without {@code Origin} (not
   * from a browser page) and from this server's own pages pass; other pages must be on one of the
   * workspace's allowed domains and get CORS headers for their origin.
   */
  private Workspace allowedWidget(Context ctx) {
    Workspace workspace = chat.widget(widgetKey(ctx));
    String origin = ctx.header(ORIGIN);
    if (origin == null) {
      return workspace;
    }
    URI page;
    try {
      page = origin(new URI(origin));
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new ForbiddenException("The page's origin is not valid");
    }
    if (!page.equals(ownOrigin) && !workspace.allowsEmbeddingOn(page.getHost(), page.getPort())) {
      throw new ForbiddenException(
          "This website may not use the widget; add its domain to the workspace's allowed"
              + " domains");
    }
    ctx.header("Access-Control-Allow-Origin", origin);
    ctx.header("Vary", ORIGIN);
    return workspace;
  }

  /** Scheme, host and explicit port only, for comparing origins. */
  private static URI origin(URI uri) {
    if (uri.getScheme() == null || uri.getHost() == null) {
      throw new IllegalArgumentException("not an origin");
    }
    try {
      return new URI(
          uri.getScheme().toLowerCase(Locale.ROOT),
          null,
          uri.getHost().toLowerCase(Locale.ROOT),
          uri.getPort(),
          null,
          null,
          null);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(e);
    }
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
