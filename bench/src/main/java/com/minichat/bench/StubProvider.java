package com.minichat.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.minichat.adapters.ai.openai.OpenAiDialect;
import com.minichat.adapters.ai.provider.ProviderStub;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The stand-in provider: an OpenAI-compatible chat completions endpoint that streams a fixed answer
 * in pieces, waiting a fixed time before the first chunk and before every chunk. Its wire format is
 * OpenAI's: a chunk opening the assistant's turn, one chunk per piece of text, a finishing chunk, a
 * usage chunk and {@code [DONE]}.
 */
final class StubProvider implements AutoCloseable {
  /** The model MiniChat is configured to ask for. */
  static final String MODEL = "bench-model";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PATH = "/v1/chat/completions";

  private final ProviderStub stub;
  private final String answer;

  private StubProvider(ProviderStub stub, String answer) {
    this.stub = stub;
    this.answer = answer;
  }

  /**
   * Starts the stub on a free local port.
   *
   * @param firstChunkDelay the wait after the response headers, before the first chunk
   * @param pace the wait before each chunk
   * @param pieces how many pieces of text the answer has
   */
  static StubProvider start(Duration firstChunkDelay, Duration pace, int pieces) {
    List<String> text = new ArrayList<>();
    for (int i = 1; i <= pieces; i++) {
      text.add(i == 1 ? "Answer" : " part" + i);
    }
    ProviderStub stub =
        ProviderStub.start(new OpenAiDialect(PATH))
            // the usage it reports: a short prompt's tokens, and one token per piece
            .answer(text, 120, pieces)
            .delayFirstChunk(firstChunkDelay)
            .pace(pace);
    return new StubProvider(stub, String.join("", text));
  }

  /** The base address MiniChat's provider chain points at, with the version path. */
  String baseUrl() {
    return stub.baseUrl() + "/v1";
  }

  /** The whole answer text. */
  String answer() {
    return answer;
  }

  /**
   * A call straight to the stub, with a body shaped like MiniChat's for a first question: a short
   * system text and the question, streamed, usage included. (MiniChat's own calls also carry the
   * conversation so far, up to 20 earlier messages; that is part of what it adds.)
   *
   * @param timeout how long to wait for the response headers
   */
  Call call(String question, Duration timeout) {
    ObjectNode body = JSON.createObjectNode().put("model", MODEL);
    ArrayNode messages = body.putArray("messages");
    messages
        .addObject()
        .put("role", "system")
        .put(
            "content",
            "You are the chat assistant of Benchmark Shop on its website. Answer in the visitor's"
                + " language (Thai or English), briefly and politely.");
    messages.addObject().put("role", "user").put("content", question);
    body.put("stream", true).putObject("stream_options").put("include_usage", true);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(stub.baseUrl() + PATH))
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build();
    return new Call(
        "stub",
        Route.DIRECT,
        request,
        // the opening chunk carries "content":"" and the finishing one no content at all
        line ->
            line.startsWith("data: {")
                && line.contains("\"content\":\"")
                && !line.contains("\"content\":\"\""),
        line -> line.equals("data: [DONE]"));
  }

  @Override
  public void close() {
    stub.close();
  }
}
