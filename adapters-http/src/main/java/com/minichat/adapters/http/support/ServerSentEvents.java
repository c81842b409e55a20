package com.minichat.adapters.http.support;

import com.minichat.domain.common.DomainException;
import com.minichat.domain.common.ErrorCode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One response written as server-sent events. The response is committed (status 200, headers) only
 * by the first event, so work refused before it still gets the usual error and status. A client
 * that goes away stops receiving events without the writer noticing; whatever produces them goes
 * on.
 */
public final class ServerSentEvents {
  private static final Logger LOG = LoggerFactory.getLogger(ServerSentEvents.class);

  private final Context ctx;
  private OutputStream out;
  private boolean gone;

  public ServerSentEvents(Context ctx) {
    this.ctx = ctx;
  }

  /** Whether the first event was sent, so the response can no longer carry an error status. */
  public boolean started() {
    return out != null;
  }

  /**
   * Runs {@code work} and hands its result to {@code done}. A failure before the first event is
   * rethrown for the normal error handling; a later one goes to {@code failed} with its code and a
   * message fit for the client.
   */
  public <T> void run(Supplier<T> work, Consumer<T> done, BiConsumer<ErrorCode, String> failed) {
    T result;
    try {
      result = work.get();
    } catch (DomainException failure) {
      if (!started()) {
        throw failure;
      }
      LOG.info("stream ended with an error code={} path={}", failure.code(), ctx.path());
      failed.accept(failure.code(), failure.getMessage());
      return;
    } catch (RuntimeException failure) {
      if (!started()) {
        throw failure;
      }
      LOG.error("unexpected failure while streaming path={}", ctx.path(), failure);
      failed.accept(
          ErrorCode.INTERNAL_ERROR,
          "Something went wrong on our side; quote the request id if you contact support");
      return;
    }
    done.accept(result);
  }

  /** Sends {@code data} as JSON, in an event named {@code event} ({@code null} for none). */
  public void send(String event, Object data) {
    String json = ctx.jsonMapper().toJsonString(data, Object.class);
    write((event == null ? "" : "event: " + event + "\n") + "data: " + json + "\n\n");
  }

  /**
   * Sends an unnamed event whose data is {@code text} as it is, such as OpenAI's {@code [DONE]}.
   */
  public void sendText(String text) {
    write("data: " + text + "\n\n");
  }

  private void write(String frame) {
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
      out.write(frame.getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException e) {
      gone = true;
      LOG.info("stream client went away path={}", ctx.path());
    }
  }
}
