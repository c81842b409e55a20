package com.minichat.adapters.http.widget;

import com.minichat.application.port.in.widget.WidgetChatUseCase;
import com.minichat.domain.common.ForbiddenException;
import com.minichat.domain.workspace.WidgetKey;
import com.minichat.domain.workspace.Workspace;
import io.javalin.http.Context;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Which pages may use a widget: requests without {@code Origin} (not from a browser page) and from
 * this server's own pages pass; other pages must be on one of the workspace's allowed domains.
 * Shared by the widget's HTTP endpoints and its WebSocket.
 */
public final class WidgetOrigins {
  private static final String ORIGIN = "Origin";

  private final WidgetChatUseCase chat;
  private final URI ownOrigin;

  /**
   * @param publicBaseUrl this server's public address; its own pages (demo, dashboard test chat)
   *     may always use the widget
   */
  public WidgetOrigins(WidgetChatUseCase chat, String publicBaseUrl) {
    this.chat = chat;
    this.ownOrigin = origin(URI.create(publicBaseUrl));
  }

  /**
   * The workspace of the request's widget key when the calling page may use it; the response gets
   * CORS headers for that page's origin.
   *
   * @throws ForbiddenException for a page outside the allowed domains
   * @throws com.minichat.domain.common.NotFoundException for an unknown widget key
   */
  public Workspace allowedWidget(Context ctx) {
    Workspace workspace = chat.widget(new WidgetKey(ctx.pathParam("widgetKey")));
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
}
