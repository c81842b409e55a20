package com.minichat.adapters.http.ops;

import com.minichat.application.port.in.health.CheckReadinessUseCase;
import com.minichat.application.port.in.health.Readiness;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Operational endpoints outside the versioned API: health, metrics, API docs and the demo page. */
public final class OpsRoutes {
  /** Placeholder in the demo page that is replaced by a real widget key. */
  static final String WIDGET_KEY_PLACEHOLDER = "__WIDGET_KEY__";

  private static final Pattern WIDGET_KEY = Pattern.compile("^wk_[0-9a-f]{8,64}$");

  private final CheckReadinessUseCase readiness;
  private final PrometheusMeterRegistry metrics;
  private final String demoWidgetKey;
  private final String openApi;
  private final String docsPage;
  private final String docsScript;
  private final Optional<String> demoPage;

  /**
   * @param demoWidgetKey widget key the demo page embeds when the URL does not name one
   */
  public OpsRoutes(
      CheckReadinessUseCase readiness, PrometheusMeterRegistry metrics, String demoWidgetKey) {
    this.readiness = readiness;
    this.metrics = metrics;
    this.demoWidgetKey = demoWidgetKey;
    this.openApi = resource("openapi.yaml").orElseThrow(() -> missing("openapi.yaml"));
    this.docsPage = resource("docs/index.html").orElseThrow(() -> missing("docs/index.html"));
    this.docsScript = resource("docs/init.js").orElseThrow(() -> missing("docs/init.js"));
    this.demoPage = resource("public/demo.html");
  }

  /** Adds the routes. */
  public void register(JavalinDefaultRoutingApi routes) {
    routes.get("/healthz", ctx -> ctx.json(Map.of("status", "alive")));
    routes.get("/readyz", this::ready);
    routes.get(
        "/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4").result(metrics.scrape()));
    routes.get("/api/v1/openapi.yaml", ctx -> ctx.contentType("application/yaml").result(openApi));
    routes.get("/docs", ctx -> ctx.contentType(ContentType.TEXT_HTML).result(docsPage));
    routes.get("/docs/init.js", ctx -> ctx.contentType("text/javascript").result(docsScript));
    routes.get("/demo.html", this::demo);
  }

  private void ready(Context ctx) {
    Readiness report = readiness.check();
    ctx.status(report.ready() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
        .json(Map.of("status", report.ready() ? "ready" : "not_ready", "checks", report.checks()));
  }

  private void demo(Context ctx) {
    String requested = ctx.queryParam("key");
    String key =
        requested != null && WIDGET_KEY.matcher(requested).matches() ? requested : demoWidgetKey;
    String page =
        demoPage.orElse(
            "<!doctype html><title>MiniChat demo</title><p>The web assets were not built"
                + " (-Dskip.web).</p>");
    ctx.contentType(ContentType.TEXT_HTML).result(page.replace(WIDGET_KEY_PLACEHOLDER, key));
  }

  private static Optional<String> resource(String name) {
    try (InputStream in = OpsRoutes.class.getClassLoader().getResourceAsStream(name)) {
      return in == null
          ? Optional.empty()
          : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static IllegalStateException missing(String name) {
    return new IllegalStateException(name + " is missing from the classpath");
  }
}
