package com.minichat.adapters.ai.gemini;

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
    StreamedAnswer answer =
        new StreamedAnswer(NAME, ProviderType.GEMINI, endpoint.model(), sink, http.json());
    http.postForEvents(
        NAME,
        address(endpoint),
        headers,
        body(Prompt.of(request)),
        (event, data) -> read(answer, data));
    return answer.reply();
  }

  private static void read(StreamedAnswer answer, String data) {
    JsonNode chunk = answer.parse(data);
    if (chunk.has("error")) {
      throw new ProviderException(NAME + " reported an error mid-answer", true);
    }
    if (chunk.path("promptFeedback").has("blockReason")) {
      // the same question would be blocked again
      throw new ProviderException(NAME + " blocked the question", false);
    }
    answer.model(chunk.path("modelVersion"));
    JsonNode candidate = chunk.path("candidates").path(0);
    for (JsonNode part : candidate.path("content").path("parts")) {
      answer.piece(part.path("text").asText(""));
    }
    if (!candidate.path("finishReason").asText("").isEmpty()) {
      answer.complete();
    }
    JsonNode usage = chunk.path("usageMetadata");
    answer.inputTokens(usage.path("promptTokenCount"));
    if (usage.has("candidatesTokenCount") || usage.has("thoughtsTokenCount")) {
      // thinking models bill their thoughts as output tokens too
      answer.outputTokens(
          usage.path("candidatesTokenCount").asLong() + usage.path("thoughtsTokenCount").asLong());
    }
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
}
