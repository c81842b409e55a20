package com.minichat.adapters.http.support;

import com.minichat.application.port.out.ai.TokenSink;
import io.javalin.http.Context;
import java.util.Map;
import java.util.function.Function;

/**
 * Streams an answer as MiniChat's server-sent events: {@code token} ({@code {"text": …}}) for each
 * piece, {@code reset} when the answer starts over with another provider, then {@code done} with
 * the stored messages or {@code error} with the standard error's code and message. A request
 * refused before any text (validation, limits, authentication) still gets the usual JSON error and
 * status; the answer is completed and stored even when the client goes away.
 */
public final class EventStream implements TokenSink {
  private final ServerSentEvents events;

  private EventStream(ServerSentEvents events) {
    this.events = events;
  }

  /**
   * Answers as the client asked: with events when it accepts {@code text/event-stream}, otherwise
   * with the finished result in the envelope. {@code done} maps {@code work}'s result to the
   * response data (the {@code done} event's data when streaming).
   */
  public static <T> void respond(
      Context ctx, Envelope envelope, Function<TokenSink, T> work, Function<T, ?> done) {
    String accept = ctx.header("Accept");
    if (accept == null || !accept.contains("text/event-stream")) {
      envelope.ok(ctx, done.apply(work.apply(TokenSink.NONE)));
      return;
    }
    EventStream stream = new EventStream(new ServerSentEvents(ctx));
    stream.events.run(
        () -> work.apply(stream),
        result -> stream.events.send("done", done.apply(result)),
        (code, message) ->
            stream.events.send("error", Map.of("code", code.name(), "message", message)));
  }

  @Override
  public void token(String text) {
    events.send("token", Map.of("text", text));
  }

  @Override
  public void restart() {
    events.send("reset", Map.of());
  }
}
