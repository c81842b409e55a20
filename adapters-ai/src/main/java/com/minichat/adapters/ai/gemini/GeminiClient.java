package com.minichat.adapters.ai.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.minichat.adapters.ai.provider.Endpoints;
import com.minichat.adapters.ai.provider.Prompt;
import com.minichat.adapters.ai.provider.ProviderClient;
import com.minichat.adapters.ai.provider.ProviderException;
import com.minichat.adapters.ai.provider.StreamingHttp;
import com.minichat.application.port.out.ai.ModelReply;
import com.minichat.application.port.out.ai.ProviderEndpoint;
import com.minichat.application.port.out.ai.ReplyRequest;
import com.minichat.application.port.out.ai.TokenSink;
import com.minichat.domain.provider.ProviderType;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Google's Gemini API, streamed as server-sent events ({@code streamGenerateContent?alt=sse}):
 * every event is a whole {@code GenerateContentResponse} carrying the next piece of text; the one
 * with a {@code finishReason} ends the answer and has the final token counts.
 */
public final class GeminiClient implements ProviderClient {
  /** Google's own API. */
  public static final String HOSTED = "https://generativelanguage.googleapis.com/v1beta";

  private static final String NAME = "Gemini";

  /** How Google's own model list names models; people copy names from it. */
  private static final String MODELS_PREFIX = "models/";

  private final StreamingHttp http;

  /** A client sending its requests through {@code http}, which owns the timeouts. */
  public GeminiClient(StreamingHttp http) {
    this.http = http;
  }

  @Override
  public ProviderType type() {
    return ProviderType.GEMINI;
  }

  @Override
  public ModelReply complete(ProviderEndpoint endpoint, ReplyRequest request, TokenSink sink) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (endpoint.apiKey() != null) {
      headers.put("x-goog-api-key", endpoint.apiKey());
    }
    Answer answer = new Answer(sink, endpoint.model());
    http.postForEvents(
        NAME,
        address(endpoint),
        headers,
        body(Prompt.of(request)),
        (event, data) -> answer.read(data));
    if (!answer.done) {
      throw new ProviderException(NAME + " ended its answer early", true);
    }
    return new ModelReply(
        answer.text.toString(),
        ProviderType.GEMINI,
        answer.model,
        answer.inputTokens,
        answer.outputTokens);
  }

  /**
   * The streaming address of the endpoint's model. The model name is one path segment, so it is
   * percent-encoded: a stray space or {@code ?} must not break or reshape the address.
   */
  static URI address(ProviderEndpoint endpoint) {
    String model = endpoint.model();
    if (model.startsWith(MODELS_PREFIX)) {
      model = model.substring(MODELS_PREFIX.length());
    }
    return Endpoints.resolve(
        NAME, endpoint, HOSTED, "/models/" + pathSegment(model) + ":streamGenerateContent?alt=sse");
  }

  private static String pathSegment(String text) {
    StringBuilder encoded = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        encoded.append(c);
      } else {
        encoded.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
      }
    }
    return encoded.toString();
  }

  private ObjectNode body(Prompt prompt) {
    ObjectNode body = http.json().createObjectNode();
    body.putObject("systemInstruction").putArray("parts").addObject().put("text", prompt.system());
    ArrayNode contents = body.putArray("contents");
    for (Prompt.Turn turn : prompt.turns()) {
      ObjectNode content = contents.addObject();
      // Gemini calls the assistant "model"
      content.put("role", turn.role() == Prompt.Role.USER ? "user" : "model");
      content.putArray("parts").addObject().put("text", turn.text());
    }
    return body;
  }

  /** The answer as the chunks arrive. */
  private final class Answer {
    private final TokenSink sink;
    private final StringBuilder text = new StringBuilder();
    private String model;
    private long inputTokens;
    private long outputTokens;
    private boolean done;

    Answer(TokenSink sink, String requestedModel) {
      this.sink = sink;
      this.model = requestedModel;
    }

    void read(String data) {
      JsonNode chunk;
      try {
        chunk = http.json().readTree(data);
      } catch (IOException e) {
        throw new ProviderException(NAME + " sent a chunk that is not JSON", true, e);
      }
      if (chunk.has("error")) {
        throw new ProviderException(NAME + " reported an error mid-answer", true);
      }
      if (chunk.path("promptFeedback").has("blockReason")) {
        // the same question would be blocked again
        throw new ProviderException(NAME + " blocked the question", false);
      }
      model = chunk.path("modelVersion").asText(model);
      JsonNode candidate = chunk.path("candidates").path(0);
      for (JsonNode part : candidate.path("content").path("parts")) {
        String piece = part.path("text").asText("");
        if (!piece.isEmpty()) {
          text.append(piece);
          sink.token(piece);
        }
      }
      if (!candidate.path("finishReason").asText("").isEmpty()) {
        done = true;
      }
      JsonNode usage = chunk.path("usageMetadata");
      if (usage.isObject()) {
        inputTokens = usage.path("promptTokenCount").asLong(inputTokens);
        if (usage.has("candidatesTokenCount") || usage.has("thoughtsTokenCount")) {
          // thinking models bill their thoughts as output tokens too
          outputTokens =
              usage.path("candidatesTokenCount").asLong()
                  + usage.path("thoughtsTokenCount").asLong();
        }
      }
    }
  }
}
