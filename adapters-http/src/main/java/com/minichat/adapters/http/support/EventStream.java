package com.minichat.adapters.http.support;

import com.minichat.application.port.out.ai.TokenSink;
import com.minichat.domain.common.DomainException;
import com.minichat.domain.common.ErrorCode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams an answer as server-sent events: {@code token} ({@code {"text": …}}) for each piece,
 * {@code reset} when the answer starts over with another provider, then {@code done} with the
 * stored messages or {@code error} with the standard error's code and message. The response is
 * committed only by the first event, so a request refused before any text (validation, limits,
 * authentication) still gets the usual JSON error and status. A client that goes away stops
 * receiving events; the answer itself is still completed and stored.
 */
public final class EventStream implements TokenSink {
  private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);

  private final Context ctx;
  private OutputStream out;
  private boolean gone;

  private EventStream(Context ctx) {
    this.ctx = ctx;
  }

  /** Whether the client asked for a stream ({@code Accept: text/event-stream}). */
  public static boolean wanted(Context ctx) {
    String accept = ctx.header("Accept");
    return accept != null && accept.contains("text/event-stream");
  }

  /**
   * Runs {@code work} with a stream as its sink and ends the stream with {@code done} and the
   * response {@code work}'s result maps to. A failure before the first event is rethrown for the
   * normal error handling; a later one becomes an {@code error} event.
   */
  public static <T> void respond(Context ctx, Function<TokenSink, T> work, Function<T, ?> done) {
    EventStream stream = new EventStream(ctx);
    T result;
    try {
      result = work.apply(stream);
    } catch (DomainException failure) {
      if (stream.out == null) {
        throw failure;
      }
      LOG.info("stream ended with an error code={} path={}", failure.code(), ctx.path());
      stream.send("error", Map.of("code", failure.code().name(), "message", failure.getMessage()));
      return;
    } catch (RuntimeException failure) {
      if (stream.out == null) {
        throw failure;
      }
      LOG.error("unexpected failure while streaming path={}", ctx.path(), failure);
      stream.send(
          "error",
          Map.of(
              "code",
              ErrorCode.INTERNAL_ERROR.name(),
              "message",
              "Something went wrong on our side; quote the request id if you contact support"));
      return;
    }
    stream.send("done", done.apply(result));
  }

  @Override
  public void token(String text) {
    send("token", Map.of("text", text));
  }

  @Override
  public void restart() {
    send("reset", Map.of());
  }

  private void send(String event, Object data) {
    if (gone) {
      return;
    }
    try {
      if (out == null) {
        ctx.status(200);
        ctx.res().setContentType("text/event-stream;charset=utf-8");
        ctx.res().setHeader("Cache-Control", "no-cache");
        // proxies such as nginx would otherwise hold the events back
        ctx.res().setHeader("X-Accel-Buffering", "no");
        out = ctx.res().getOutputStream();
      }
      String json = ctx.jsonMapper().toJsonString(data, Object.class);
      out.write(("event: " + event + "\ndata: " + json + "\n\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException e) {
      gone = true;
      LOG.info("stream client went away path={}", ctx.path());
    }
  }
}
