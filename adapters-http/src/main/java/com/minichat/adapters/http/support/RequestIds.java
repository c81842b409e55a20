package com.minichat.adapters.http.support;

import io.javalin.http.Context;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is a sane value, a new one
 * otherwise. The id is echoed in the response header, the envelope and every log line (MDC).
 */
public final class RequestIds {
  /** Header carrying the id in both directions. */
  public static final String HEADER = "X-Request-Id";

  /** MDC key under which log lines carry the id. */
  public static final String MDC_KEY = "requestId";

  private static final String ATTRIBUTE = "minichat.requestId";
  private static final Pattern SANE = Pattern.compile("^[A-Za-z0-9._:-]{8,128}$");

  private RequestIds() {}

  /** Before-handler: picks the id and puts it in the response and the logging context. */
  public static void assign(Context ctx) {
    String offered = ctx.header(HEADER);
    String id = offered != null && SANE.matcher(offered).matches() ? offered : newId();
    ctx.attribute(ATTRIBUTE, id);
    ctx.header(HEADER, id);
    MDC.put(MDC_KEY, id);
  }

  /** The id of the current request (assigning one if the before-handler did not run). */
  public static String of(Context ctx) {
    String id = ctx.attribute(ATTRIBUTE);
    if (id == null) {
      assign(ctx);
      id = ctx.attribute(ATTRIBUTE);
    }
    return id;
  }

  private static String newId() {
    return UUID.randomUUID().toString();
  }
}
