package com.minichat.adapters.http.realtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.minichat.adapters.http.conversation.ConversationRoutes.ConversationResponse;
import com.minichat.adapters.http.conversation.MessageResponse;
import com.minichat.adapters.http.widget.WidgetOrigins;
import com.minichat.adapters.http.widget.WidgetRoutes.VisitorConversationResponse;
import com.minichat.application.port.in.account.AuthenticateUserUseCase;
import com.minichat.application.port.in.conversation.QueryConversationsUseCase;
import com.minichat.application.port.in.realtime.RealtimeUseCase;
import com.minichat.application.port.in.widget.VisitorAccess;
import com.minichat.application.port.in.widget.VisitorConversationUseCase;
import com.minichat.domain.access.Actor;
import com.minichat.domain.access.UserActor;
import com.minichat.domain.common.DomainException;
import com.minichat.domain.common.ErrorCode;
import com.minichat.domain.common.NotFoundException;
import com.minichat.domain.common.ValidationException;
import com.minichat.domain.conversation.ConversationChanged;
import com.minichat.domain.conversation.ConversationEvent;
import com.minichat.domain.conversation.ConversationId;
import com.minichat.domain.conversation.MessageAuthor;
import com.minichat.domain.conversation.MessageChanged;
import com.minichat.domain.conversation.MessagePosted;
import com.minichat.domain.conversation.Presence;
import com.minichat.domain.conversation.Typing;
import com.minichat.domain.workspace.WidgetKey;
import com.minichat.domain.workspace.WorkspaceId;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.websocket.WsCloseContext;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsConnectContext;
import io.javalin.websocket.WsContext;
import io.javalin.websocket.WsMessageContext;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live updates over WebSocket: {@code /api/v1/ws} for the dashboard and {@code
 * /api/v1/widget/{widgetKey}/ws} for a widget visitor. Both start with an {@code auth} frame (an
 * access token or the visitor token; tokens never travel in the address, which proxies log);
 * sockets that do not authenticate within {@link #AUTH_TIMEOUT} are closed. The protocol is
 * described in {@code docs/realtime.md}.
 */
public final class RealtimeRoutes implements AutoCloseable {
  /** How long a new socket may take to send its {@code auth} frame. */
  public static final Duration AUTH_TIMEOUT = Duration.ofSeconds(10);

  /** Longest frame a client may send, in characters. */
  public static final int MAX_FRAME = 4096;

  /** Close code for a socket that failed to authenticate. */
  public static final int CLOSE_UNAUTHENTICATED = 4401;

  private static final Logger LOG = LoggerFactory.getLogger(RealtimeRoutes.class);

  private final RealtimeUseCase realtime;
  private final QueryConversationsUseCase query;
  private final VisitorConversationUseCase visitors;
  private final AuthenticateUserUseCase users;
  private final WidgetOrigins origins;
  private final ObjectMapper json;
  private final Map<String, Socket> sockets = new ConcurrentHashMap<>();
  private final ScheduledExecutorService timers =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> Thread.ofPlatform().daemon().name("ws-auth-timeout").unstarted(runnable));
  private final AutoCloseable listening;

  public RealtimeRoutes(
      RealtimeUseCase realtime,
      QueryConversationsUseCase query,
      VisitorConversationUseCase visitors,
      AuthenticateUserUseCase users,
      WidgetOrigins origins,
      ObjectMapper json) {
    this.realtime = realtime;
    this.query = query;
    this.visitors = visitors;
    this.users = users;
    this.origins = origins;
    this.json = json;
    this.listening =
        realtime.listen(event -> sockets.values().forEach(socket -> socket.hear(event)));
  }

  /** A frame from a client; which fields matter depends on {@code type}. */
  record ClientFrame(
      String type, String token, String conversationId, String workspaceId, Boolean typing) {}

  /** Adds the two socket endpoints. */
  public void register(JavalinDefaultRoutingApi routes) {
    routes.ws("/api/v1/ws", ws -> configure(ws, TeamSocket::new));
    String widget = "/api/v1/widget/{widgetKey}/ws";
    routes.wsBeforeUpgrade(widget, ctx -> origins.allowedWidget(ctx));
    routes.ws(widget, ws -> configure(ws, VisitorSocket::new));
  }

  private interface SocketFactory {
    Socket open(RealtimeRoutes routes, WsConnectContext ctx);
  }

  private void configure(WsConfig ws, SocketFactory factory) {
    ws.onConnect(
        ctx -> {
          Socket socket = factory.open(this, ctx);
          sockets.put(ctx.sessionId(), socket);
          timers.schedule(
              () -> {
                if (!socket.authenticated()) {
                  ctx.closeSession(CLOSE_UNAUTHENTICATED, "send an auth frame first");
                }
              },
              AUTH_TIMEOUT.toMillis(),
              TimeUnit.MILLISECONDS);
        });
    ws.onMessage(this::receive);
    ws.onClose(this::closed);
    ws.onError(ctx -> LOG.debug("realtime socket error session={}", ctx.sessionId()));
  }

  private void receive(WsMessageContext ctx) {
    Socket socket = sockets.get(ctx.sessionId());
    if (socket == null) {
      return;
    }
    if (ctx.message().length() > MAX_FRAME) {
      socket.error(
          ErrorCode.PAYLOAD_TOO_LARGE, "frames may have at most " + MAX_FRAME + " characters");
      return;
    }
    ClientFrame frame;
    try {
      frame = json.readValue(ctx.message(), ClientFrame.class);
    } catch (JsonProcessingException e) {
      socket.error(ErrorCode.VALIDATION_ERROR, "a frame is one JSON object with a known type");
      return;
    }
    try {
      if ("ping".equals(frame.type())) {
        socket.channel.send(frame("pong"));
      } else if ("auth".equals(frame.type())) {
        socket.authenticate(frame);
      } else if (!socket.authenticated()) {
        ctx.closeSession(CLOSE_UNAUTHENTICATED, "send an auth frame first");
      } else {
        socket.handle(frame);
      }
    } catch (DomainException e) {
      if (!socket.authenticated()) {
        ctx.closeSession(CLOSE_UNAUTHENTICATED, e.getMessage());
      } else {
        socket.error(e.code(), e.getMessage());
      }
    }
  }

  private void closed(WsCloseContext ctx) {
    Socket socket = sockets.remove(ctx.sessionId());
    if (socket != null) {
      socket.channel.close();
      try {
        socket.left();
      } catch (DomainException e) {
        LOG.debug("presence not sent on close session={}: {}", ctx.sessionId(), e.getMessage());
      }
    }
  }

  /** A JSON text frame of {@code type} with the given fields in order (pairs of name, value). */
  String frame(String type, Object... fields) {
    Map<String, Object> frame = new LinkedHashMap<>();
    frame.put("type", type);
    for (int i = 0; i + 1 < fields.length; i += 2) {
      if (fields[i + 1] != null) {
        frame.put((String) fields[i], fields[i + 1]);
      }
    }
    try {
      return json.writeValueAsString(frame);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a realtime frame could not be written", e);
    }
  }

  /** Stops listening to the bus and ends every socket's sender. */
  @Override
  public void close() {
    try {
      listening.close();
    } catch (Exception e) {
      LOG.warn("stopping the realtime listener failed", e);
    }
    timers.shutdownNow();
    sockets.values().forEach(socket -> socket.channel.close());
  }

  /** One open socket: who it is for and what it may hear. */
  private abstract static class Socket {
    final RealtimeRoutes routes;
    final WsContext ctx;
    final Channel<ConversationEvent> channel;
    private volatile boolean authenticated;
    private volatile long lastTyping;

    Socket(RealtimeRoutes routes, WsContext ctx) {
      this.routes = routes;
      this.ctx = ctx;
      this.channel = new Channel<>(ctx, this::render);
    }

    boolean authenticated() {
      return authenticated;
    }

    void authenticate(ClientFrame frame) {
      if (authenticated) {
        error(ErrorCode.CONFLICT, "this socket is already authenticated");
        return;
      }
      if (frame.token() == null || frame.token().isBlank()) {
        ctx.closeSession(CLOSE_UNAUTHENTICATED, "the auth frame needs a token");
        return;
      }
      signIn(frame);
      authenticated = true;
      channel.send(routes.frame("ready"));
    }

    void hear(ConversationEvent event) {
      if (authenticated && concerns(event)) {
        channel.offer(event);
      }
    }

    void error(ErrorCode code, String message) {
      channel.send(routes.frame("error", "code", code.name(), "message", message));
    }

    /**
     * Whether typing signals may pass: a change of state always does, a repeat only every 2 s, so a
     * client cannot flood every instance through the bus.
     */
    boolean typingAllowed(boolean typing) {
      long now = System.nanoTime();
      if (typing && now - lastTyping < Duration.ofSeconds(2).toNanos()) {
        return false;
      }
      lastTyping = typing ? now : 0;
      return true;
    }

    abstract void signIn(ClientFrame frame);

    abstract void handle(ClientFrame frame);

    abstract boolean concerns(ConversationEvent event);

    abstract String render(ConversationEvent event);

    abstract void left();
  }

  /** A dashboard: a signed-in person watching the workspaces they subscribe to. */
  private static final class TeamSocket extends Socket {
    private final Set<WorkspaceId> watched = ConcurrentHashMap.newKeySet();
    private volatile Actor actor;

    TeamSocket(RealtimeRoutes routes, WsConnectContext ctx) {
      super(routes, ctx);
    }

    @Override
    void signIn(ClientFrame frame) {
      actor = new UserActor(routes.users.authenticate(frame.token()).id());
    }

    @Override
    void handle(ClientFrame frame) {
      switch (frame.type() == null ? "" : frame.type()) {
        case "subscribe" -> {
          WorkspaceId workspace = workspace(frame);
          routes.realtime.teamPresence(actor, workspace, true);
          watched.add(workspace);
          channel.send(routes.frame("subscribed", "workspaceId", workspace.value()));
        }
        case "unsubscribe" -> {
          WorkspaceId workspace = workspace(frame);
          if (watched.remove(workspace)) {
            routes.realtime.teamPresence(actor, workspace, false);
          }
        }
        case "typing" -> {
          boolean typing = Boolean.TRUE.equals(frame.typing());
          if (frame.conversationId() == null) {
            error(ErrorCode.VALIDATION_ERROR, "typing needs a conversationId");
          } else if (typingAllowed(typing)) {
            routes.realtime.typing(actor, new ConversationId(frame.conversationId()), typing);
          }
        }
        default -> error(ErrorCode.VALIDATION_ERROR, "unknown frame type: " + frame.type());
      }
    }

    private static WorkspaceId workspace(ClientFrame frame) {
      if (frame.workspaceId() == null || frame.workspaceId().isBlank()) {
        throw new ValidationException("workspaceId", "is required");
      }
      return new WorkspaceId(frame.workspaceId());
    }

    @Override
    boolean concerns(ConversationEvent event) {
      return watched.contains(event.workspaceId());
    }

    @Override
    String render(ConversationEvent event) {
      try {
        return switch (event) {
          case MessagePosted posted ->
              routes.frame(
                  "message.created",
                  "message",
                  MessageResponse.from(
                      routes.query.message(actor, posted.conversationId(), posted.messageId())));
          case MessageChanged changed ->
              routes.frame(
                  "message.updated",
                  "message",
                  MessageResponse.from(
                      routes.query.message(actor, changed.conversationId(), changed.messageId())));
          case ConversationChanged changed ->
              routes.frame(
                  "conversation.updated",
                  "conversation",
                  ConversationResponse.from(
                      routes.query.conversation(actor, changed.conversationId())));
          case Typing typing ->
              routes.realtime.canWatch(actor, typing.workspaceId())
                  ? routes.frame(
                      "typing",
                      "conversationId",
                      typing.conversationId().value(),
                      "who",
                      typing.who().name(),
                      "agentId",
                      typing.agent() == null ? null : typing.agent().value(),
                      "typing",
                      typing.typing())
                  : lost(typing.workspaceId());
          case Presence presence ->
              routes.realtime.canWatch(actor, presence.workspaceId())
                  ? routes.frame(
                      "presence",
                      "workspaceId",
                      presence.workspaceId().value(),
                      "conversationId",
                      presence.conversationId() == null ? null : presence.conversationId().value(),
                      "who",
                      presence.who().name(),
                      "agentId",
                      presence.agent() == null ? null : presence.agent().value(),
                      "online",
                      presence.online())
                  : lost(presence.workspaceId());
        };
      } catch (NotFoundException e) {
        return lost(event.workspaceId());
      }
    }

    /** The person lost access (removed from the workspace): they hear nothing more of it. */
    private String lost(WorkspaceId workspace) {
      watched.remove(workspace);
      return routes.frame(
          "error",
          "code",
          ErrorCode.NOT_FOUND.name(),
          "message",
          "You no longer have access to this workspace",
          "workspaceId",
          workspace.value());
    }

    @Override
    void left() {
      for (WorkspaceId workspace : watched) {
        routes.realtime.teamPresence(actor, workspace, false);
      }
    }
  }

  /** A widget: one visitor watching their own conversation. */
  private static final class VisitorSocket extends Socket {
    private final WidgetKey widgetKey;
    private volatile VisitorAccess access;
    private volatile WorkspaceId workspace;

    VisitorSocket(RealtimeRoutes routes, WsConnectContext ctx) {
      super(routes, ctx);
      this.widgetKey = new WidgetKey(ctx.pathParam("widgetKey"));
    }

    @Override
    void signIn(ClientFrame frame) {
      if (frame.conversationId() == null || frame.conversationId().isBlank()) {
        throw new ValidationException("conversationId", "is required with a visitor token");
      }
      VisitorAccess candidate =
          new VisitorAccess(widgetKey, new ConversationId(frame.conversationId()), frame.token());
      workspace = routes.visitors.conversation(candidate).workspaceId();
      access = candidate;
      routes.realtime.visitorPresence(candidate, true);
    }

    @Override
    void handle(ClientFrame frame) {
      if ("typing".equals(frame.type())) {
        boolean typing = Boolean.TRUE.equals(frame.typing());
        if (typingAllowed(typing)) {
          routes.realtime.visitorTyping(access, typing);
        }
      } else {
        error(ErrorCode.VALIDATION_ERROR, "unknown frame type: " + frame.type());
      }
    }

    @Override
    boolean concerns(ConversationEvent event) {
      if (event instanceof Presence presence) {
        // the visitor hears whether the team is online, never about other visitors
        return presence.who() == MessageAuthor.AGENT && presence.workspaceId().equals(workspace);
      }
      if (event instanceof Typing typing && typing.who() == MessageAuthor.VISITOR) {
        return false;
      }
      return access.conversationId().equals(event.conversationId());
    }

    @Override
    String render(ConversationEvent event) {
      return switch (event) {
        case MessagePosted posted ->
            routes.frame(
                "message.created",
                "message",
                MessageResponse.forVisitor(routes.visitors.message(access, posted.messageId())));
        case MessageChanged changed ->
            routes.frame(
                "message.updated",
                "message",
                MessageResponse.forVisitor(routes.visitors.message(access, changed.messageId())));
        case ConversationChanged changed ->
            routes.frame(
                "conversation.updated",
                "conversation",
                VisitorConversationResponse.from(routes.visitors.conversation(access)));
        case Typing typing ->
            routes.frame(
                "typing",
                "conversationId",
                typing.conversationId().value(),
                "who",
                typing.who().name(),
                "typing",
                typing.typing());
        case Presence presence ->
            routes.frame("presence", "who", presence.who().name(), "online", presence.online());
      };
    }

    @Override
    void left() {
      if (access != null) {
        routes.realtime.visitorPresence(access, false);
      }
    }
  }
}
