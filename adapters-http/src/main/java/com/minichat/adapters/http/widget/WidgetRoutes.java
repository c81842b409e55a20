package com.minichat.adapters.http.widget;

import com.minichat.adapters.http.conversation.MessageResponse;
import com.minichat.adapters.http.support.Envelope;
import com.minichat.adapters.http.support.EventStream;
import com.minichat.adapters.http.support.JsonBody;
import com.minichat.adapters.http.support.Requests;
import com.minichat.adapters.http.workspace.WorkspaceRoutes.AppearanceResponse;
import com.minichat.application.port.in.widget.MessageExchange;
import com.minichat.application.port.in.widget.StartedConversation;
import com.minichat.application.port.in.widget.VisitorAccess;
import com.minichat.application.port.in.widget.WidgetChatUseCase;
import com.minichat.application.port.out.ai.TokenSink;
import com.minichat.domain.common.ForbiddenException;
import com.minichat.domain.conversation.ConversationId;
import com.minichat.domain.workspace.WidgetKey;
import com.minichat.domain.workspace.Workspace;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;

/** The public endpoints the embeddable widget calls, identified by the public widget key. */
public final class WidgetRoutes {
  private static final String ORIGIN = "Origin";

  private final WidgetChatUseCase chat;
  private final JsonBody body;
  private final Envelope envelope;
  private final URI ownOrigin;

  /**
   * @param publicBaseUrl this server's public address; its own pages (demo, dashboard test chat)
   *     may always use the widget
   */
  public WidgetRoutes(
      WidgetChatUseCase chat, JsonBody body, Envelope envelope, String publicBaseUrl) {
    this.chat = chat;
    this.body = body;
    this.envelope = envelope;
    this.ownOrigin = origin(URI.create(publicBaseUrl));
  }

  /** A visitor's message. */
  public record SendMessageRequest(String text) {}

  /** The PIN of a private widget, when it has one. */
  public record StartRequest(String pin) {}

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
    String messages = "/api/v1/widget/{widgetKey}/conversations/{conversationId}/messages";
    routes.get(config, this::config);
    routes.post(conversations, this::start);
    routes.get(messages, this::history);
    routes.post(messages, this::send);
    for (String path : new String[] {config, conversations, messages}) {
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
    ctx.header("Access-Control-Allow-Methods", "GET, POST");
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
    envelope.page(ctx, chat.history(access(ctx), Requests.page(ctx)), MessageResponse::from);
  }

  private void send(Context ctx) {
    allowedWidget(ctx);
    VisitorAccess access = access(ctx);
    SendMessageRequest request = body.read(ctx, SendMessageRequest.class);
    if (EventStream.wanted(ctx)) {
      EventStream.respond(
          ctx, sink -> chat.send(access, request.text(), sink), WidgetRoutes::exchangeResponse);
    } else {
      envelope.ok(ctx, exchangeResponse(chat.send(access, request.text(), TokenSink.NONE)));
    }
  }

  private static Map<String, MessageResponse> exchangeResponse(MessageExchange exchange) {
    return Map.of(
        "message", MessageResponse.from(exchange.message()),
        "reply", MessageResponse.from(exchange.reply()));
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

  private static VisitorAccess access(Context ctx) {
    return new VisitorAccess(
        widgetKey(ctx),
        new ConversationId(ctx.pathParam("conversationId")),
        Requests.bearerToken(ctx));
  }
}
