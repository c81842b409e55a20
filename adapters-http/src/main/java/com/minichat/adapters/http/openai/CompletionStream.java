package com.minichat.adapters.http.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.NullNode;
import com.minichat.adapters.http.openai.OpenAiRoutes.Usage;
import com.minichat.adapters.http.support.ServerSentEvents;
import com.minichat.application.port.in.chat.ServerChatUseCase;
import com.minichat.application.port.in.widget.MessageExchange;
import com.minichat.application.port.out.ai.TokenSink;
import com.minichat.domain.common.ErrorCode;
import com.minichat.domain.conversation.Message;
import io.javalin.http.Context;
import java.util.List;
import java.util.function.Function;

/**
 * A completion streamed as OpenAI streams one: {@code data:} lines of {@code chat.completion.chunk}
 * objects (the assistant role first, then one per piece of text, then {@code finish_reason: stop}),
 * the usage chunk when the client asked for it, and {@code data: [DONE]}. Which provider answers is
 * known only at the end, so the chunks name the bot ({@link ServerChatUseCase#BOT_MODEL}) until the
 * closing ones, which name the model that answered.
 *
 * <p>A failure after the first chunk is sent as an {@code error} object in a {@code data:} line, as
 * OpenAI does (the SDKs raise it), and ends the stream. OpenAI's stream cannot take text back, so
 * when a provider fails mid-answer and the next one starts over, the stream ends that way too; the
 * answer is still completed and stored.
 */
final class CompletionStream implements TokenSink {
  private static final String CHUNK = "chat.completion.chunk";

  /**
   * What every chunk of one completion repeats.
   *
   * @param includeUsage whether the client asked for the usage chunk ({@code
   *     stream_options.include_usage}); then every other chunk carries {@code usage: null}
   */
  record Header(String id, long created, boolean includeUsage) {}

  /** One chunk; {@code usage} is left out unless the client asked for it. */
  record Chunk(
      String id,
      String object,
      long created,
      String model,
      List<ChunkChoice> choices,
      @JsonInclude(JsonInclude.Include.NON_NULL) Object usage) {}

  /** The change to the one answer. */
  record ChunkChoice(
      int index,
      Delta delta,
      Object logprobs,
      @JsonProperty("finish_reason") String finishReason) {}

  /** What the chunk adds; empty in the closing chunk. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Delta(String role, String content) {}

  private final ServerSentEvents events;
  private final Header header;
  private boolean ended;

  private CompletionStream(ServerSentEvents events, Header header) {
    this.events = events;
    this.header = header;
  }

  /**
   * Runs {@code work} with a stream as its sink. A failure before the first chunk is rethrown for
   * the normal error handling, so it gets its HTTP status.
   */
  static void respond(Context ctx, Header header, Function<TokenSink, MessageExchange> work) {
    CompletionStream stream = new CompletionStream(new ServerSentEvents(ctx), header);
    stream.events.run(() -> work.apply(stream), stream::finish, stream::fail);
  }

  @Override
  public void token(String text) {
    if (!ended) {
      open();
      send(ServerChatUseCase.BOT_MODEL, new Delta(null, text), null);
    }
  }

  @Override
  public void restart() {
    if (events.started()) {
      fail(
          ErrorCode.UPSTREAM_UNAVAILABLE,
          "The AI provider failed mid-answer and another one started over; ask again, or ask"
              + " without streaming");
    }
  }

  private void finish(MessageExchange exchange) {
    if (ended) {
      return;
    }
    open();
    Message reply = exchange.reply();
    String model = reply.usage().model();
    send(model, new Delta(null, null), "stop");
    if (header.includeUsage()) {
      events.send(
          null, new Chunk(header.id(), CHUNK, header.created(), model, List.of(), Usage.of(reply)));
    }
    events.sendText("[DONE]");
    ended = true;
  }

  private void fail(ErrorCode code, String message) {
    if (!ended) {
      ended = true;
      events.send(null, OpenAiErrors.failure(code, message, List.of()));
    }
  }

  /** The first chunk announces the assistant's role, as OpenAI's does. */
  private void open() {
    if (!events.started()) {
      send(ServerChatUseCase.BOT_MODEL, new Delta("assistant", ""), null);
    }
  }

  private void send(String model, Delta delta, String finishReason) {
    events.send(
        null,
        new Chunk(
            header.id(),
            CHUNK,
            header.created(),
            model,
            List.of(new ChunkChoice(0, delta, null, finishReason)),
            header.includeUsage() ? NullNode.getInstance() : null));
  }
}
