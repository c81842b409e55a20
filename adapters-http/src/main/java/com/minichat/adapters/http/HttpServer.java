package com.minichat.adapters.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.minichat.adapters.http.account.AccountRoutes;
import com.minichat.adapters.http.account.AuthRoutes;
import com.minichat.adapters.http.account.SessionCookie;
import com.minichat.adapters.http.apikey.ApiKeyRoutes;
import com.minichat.adapters.http.audit.AuditRoutes;
import com.minichat.adapters.http.chat.ChatRoutes;
import com.minichat.adapters.http.conversation.ConversationRoutes;
import com.minichat.adapters.http.dev.OutboxRoutes;
import com.minichat.adapters.http.modelserver.ModelServerRoutes;
import com.minichat.adapters.http.modelserver.ModelUploadRoutes;
import com.minichat.adapters.http.openai.OpenAiErrors;
import com.minichat.adapters.http.openai.OpenAiRoutes;
import com.minichat.adapters.http.ops.OpsRoutes;
import com.minichat.adapters.http.provider.ProviderRoutes;
import com.minichat.adapters.http.realtime.RealtimeRoutes;
import com.minichat.adapters.http.support.Actors;
import com.minichat.adapters.http.support.Envelope;
import com.minichat.adapters.http.support.ErrorHandler;
import com.minichat.adapters.http.support.HttpMetrics;
import com.minichat.adapters.http.support.Json;
import com.minichat.adapters.http.support.JsonBody;
import com.minichat.adapters.http.support.RequestIds;
import com.minichat.adapters.http.team.TeamRoutes;
import com.minichat.adapters.http.webhook.WebhookRoutes;
import com.minichat.adapters.http.widget.WidgetOrigins;
import com.minichat.adapters.http.widget.WidgetRoutes;
import com.minichat.adapters.http.workspace.WorkspaceRoutes;
import com.minichat.domain.common.DomainException;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** The MiniChat HTTP server: REST API, operational endpoints and the web assets. */
public final class HttpServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);

  /**
   * Largest body Javalin buffers ({@code ctx.body()}); larger ones answer 413. Model uploads read
   * the request stream themselves and have their own, configured limit.
   */
  private static final long MAX_REQUEST_BYTES = 1_000_000;

  private final Javalin app;
  private final RealtimeRoutes realtime;

  /**
   * Builds the server; {@link #start(String, int)} opens the port.
   *
   * @param demoWidgetKey widget key embedded by the demo page when the URL names none
   * @param secureCookies whether cookies are marked Secure (everywhere but development)
   * @param publicBaseUrl this server's public address, whose pages may always use the widget
   */
  public HttpServer(
      ApiUseCases useCases,
      PrometheusMeterRegistry metrics,
      Clock clock,
      String demoWidgetKey,
      boolean secureCookies,
      String publicBaseUrl) {
    ObjectMapper mapper = Json.strictMapper();
    Envelope envelope = new Envelope(clock);
    JsonBody body = new JsonBody(mapper);
    ErrorHandler errors =
        new ErrorHandler(envelope, Map.of(OpenAiRoutes.BASE, OpenAiErrors::write));
    HttpMetrics httpMetrics = new HttpMetrics(metrics);
    Actors actors = new Actors(useCases.authenticate(), useCases.authenticateApiKey());
    WidgetOrigins widgetOrigins = new WidgetOrigins(useCases.widgetChat(), publicBaseUrl);
    this.realtime =
        new RealtimeRoutes(
            useCases.realtime(),
            useCases.queryConversations(),
            useCases.visitorConversations(),
            useCases.authenticate(),
            widgetOrigins,
            mapper);
    AccountRoutes accounts = new AccountRoutes(actors, useCases.profile(), body, envelope);
    AuthRoutes auth =
        new AuthRoutes(
            useCases.registration(),
            useCases.sessions(),
            useCases.passwords(),
            useCases.twoFactor(),
            accounts,
            new SessionCookie(secureCookies, clock),
            body,
            envelope);
    this.app =
        Javalin.create(
            config -> {
              configure(config, mapper, httpMetrics);
              config.routes.before(RequestIds::assign);
              config.routes.after(ctx -> MDC.remove(RequestIds.MDC_KEY));
              config.routes.exception(DomainException.class, errors::domain);
              config.routes.exception(HttpResponseException.class, errors::protocol);
              config.routes.exception(Exception.class, errors::unexpected);
              accounts.register(config.routes);
              auth.register(config.routes);
              new AuditRoutes(useCases.auditLog(), accounts, envelope).register(config.routes);
              useCases
                  .outbox()
                  .ifPresent(outbox -> new OutboxRoutes(outbox, envelope).register(config.routes));
              new WorkspaceRoutes(
                      useCases.createWorkspace(),
                      useCases.updateWorkspace(),
                      useCases.queryWorkspaces(),
                      useCases.deleteWorkspace(),
                      useCases.plans(),
                      useCases.usage(),
                      useCases.widgetPin(),
                      actors,
                      body,
                      envelope)
                  .register(config.routes);
              new TeamRoutes(useCases.team(), useCases.invitations(), actors, body, envelope)
                  .register(config.routes);
              new ApiKeyRoutes(useCases.apiKeys(), actors, body, envelope, clock)
                  .register(config.routes);
              new ProviderRoutes(useCases.providers(), actors, body, envelope)
                  .register(config.routes);
              new ModelServerRoutes(useCases.modelServers(), actors, body, envelope)
                  .register(config.routes);
              new ModelUploadRoutes(
                      useCases.modelServers(), useCases.modelUploads(), actors, envelope)
                  .register(config.routes);
              new WebhookRoutes(useCases.webhooks(), actors, body, envelope)
                  .register(config.routes);
              new WidgetRoutes(
                      useCases.widgetChat(),
                      useCases.visitorConversations(),
                      body,
                      envelope,
                      widgetOrigins)
                  .register(config.routes);
              realtime.register(config.routes);
              new ConversationRoutes(
                      useCases.queryConversations(),
                      useCases.conversations(),
                      actors,
                      body,
                      envelope)
                  .register(config.routes);
              new ChatRoutes(useCases.serverChat(), actors, body, envelope).register(config.routes);
              new OpenAiRoutes(useCases.serverChat(), actors, body, clock).register(config.routes);
              new OpsRoutes(useCases.readiness(), metrics, demoWidgetKey).register(config.routes);
            });
  }

  /** Opens the port ({@code 0} picks a free one) and serves requests. */
  public HttpServer start(String host, int port) {
    app.start(host, port);
    return this;
  }

  /** The port the server listens on. */
  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
    realtime.close();
  }

  private static void configure(
      JavalinConfig config, ObjectMapper mapper, HttpMetrics httpMetrics) {
    config.concurrency.useVirtualThreads = true;
    config.startup.showJavalinBanner = false;
    config.startup.showOldJavalinVersionWarning = false;
    config.http.maxRequestSize = MAX_REQUEST_BYTES;
    config.jsonMapper(new JavalinJackson(mapper, true));
    config.requestLogger.http(
        (ctx, millis) -> {
          httpMetrics.record(ctx, millis);
          MDC.put(RequestIds.MDC_KEY, RequestIds.of(ctx));
          LOG.info(
              "http {} {} status={} durationMs={}",
              ctx.method().name(),
              ctx.path(),
              ctx.statusCode(),
              String.format("%.1f", millis));
          MDC.remove(RequestIds.MDC_KEY);
        });
    config.staticFiles.enableWebjars();
    // Names under /assets carry a content hash, so a file never changes under its name.
    serveClasspath(config, "/assets", "public/assets", "public, max-age=31536000, immutable");
    serveClasspath(config, "/", "public", "no-cache");
  }

  /** Serves a classpath folder when it exists (it does not when the web build was skipped). */
  private static void serveClasspath(
      JavalinConfig config, String hostedPath, String folder, String cacheControl) {
    if (HttpServer.class.getClassLoader().getResource(folder) == null) {
      return;
    }
    config.staticFiles.add(
        files -> {
          files.hostedPath = hostedPath;
          files.directory = "/" + folder;
          files.location = Location.CLASSPATH;
          files.headers = Map.of("Cache-Control", cacheControl);
        });
  }
}
