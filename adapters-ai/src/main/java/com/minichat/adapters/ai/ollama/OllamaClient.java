package com.minichat.adapters.ai.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.minichat.adapters.ai.provider.Endpoints;
import com.minichat.adapters.ai.provider.Prompt;
import com.minichat.adapters.ai.provider.ProviderClient;
import com.minichat.adapters.ai.provider.ProviderException;
import com.minichat.adapters.ai.provider.StreamedAnswer;
import com.minichat.adapters.ai.provider.StreamingHttp;
import com.minichat.application.port.out.ai.ModelReply;
import com.minichat.application.port.out.ai.ProviderEndpoint;
import com.minichat.application.port.out.ai.ReplyRequest;
import com.minichat.application.port.out.ai.TokenSink;
import com.minichat.domain.provider.ProviderType;

/**
 * A self-hosted Ollama server's native chat API, streamed as one JSON object per line; the last
 * line says {@code done: true} and has the token counts. The base address is the server itself,
 * e.g. {@code http://gpu-1:11434}.
 */
public final class OllamaClient implements ProviderClient {
  /** How messages name the server. */
  static final String NAME = "Ollama";

  private final StreamingHttp http;

  /** A client sending its requests through {@code http}, which owns the timeouts. */
  public OllamaClient(StreamingHttp http) {
    this.http = http;
  }

  @Override
  public ProviderType type() {
    return ProviderType.OLLAMA;
  }

  /**
   * {@inheritDoc}
   *
   * @throws ProviderException not retryable when the endpoint has no server address, since there is
   *     no hosted Ollama to fall back to
   */
  @Override
  public ModelReply complete(ProviderEndpoint endpoint, ReplyRequest request, TokenSink sink) {
    // Ollama itself has no keys; one set here is for a proxy in front of it
    StreamedAnswer answer =
        new StreamedAnswer(NAME, ProviderType.OLLAMA, endpoint.model(), sink, http.json());
    http.post(
        NAME,
        Endpoints.resolve(NAME, endpoint, null, "/api/chat"),
        Endpoints.bearer(endpoint),
        body(endpoint.model(), Prompt.of(request)),
        line -> read(answer, line));
    return answer.reply();
  }

  private static void read(StreamedAnswer answer, String line) {
    if (line.isBlank()) {
      return;
    }
    JsonNode chunk = answer.parse(line);
    if (chunk.has("error")) {
      throw new ProviderException(NAME + " reported an error mid-answer", true);
    }
    answer.model(chunk.path("model"));
    answer.piece(chunk.path("message").path("content").asText(""));
    if (chunk.path("done").asBoolean(false)) {
      answer.complete();
      answer.inputTokens(chunk.path("prompt_eval_count"));
      answer.outputTokens(chunk.path("eval_count"));
    }
  }

  private ObjectNode body(String model, Prompt prompt) {
    ObjectNode body = http.json().createObjectNode();
    body.put("model", model);
    ArrayNode messages = body.putArray("messages");
    messages.addObject().put("role", "system").put("content", prompt.system());
    prompt.addTurnsTo(messages);
    body.put("stream", true);
    return body;
  }
}
