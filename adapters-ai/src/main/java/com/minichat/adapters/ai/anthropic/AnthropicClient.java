package com.minichat.adapters.ai.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Anthropic's Messages API, streamed ({@code stream: true}): the text arrives in {@code
 * content_block_delta} events, the token counts in {@code message_start} and {@code message_delta},
 * and {@code message_stop} says the answer is complete.
 */
public final class AnthropicClient implements ProviderClient {
  /** Anthropic's own API. */
  public static final String HOSTED = "https://api.anthropic.com/v1";

  /** The API version whose request and event shapes this client speaks. */
  public static final String VERSION = "2023-06-01";

  /** Anthropic insists on a limit; a chat answer stays well below it. */
  private static final int MAX_TOKENS = 1024;

  private static final String NAME = "Anthropic";

  private final StreamingHttp http;

  /** A client sending its requests through {@code http}, which owns the timeouts. */
  public AnthropicClient(StreamingHttp http) {
    this.http = http;
  }

  @Override
  public ProviderType type() {
    return ProviderType.ANTHROPIC;
  }

  @Override
  public ModelReply complete(ProviderEndpoint endpoint, ReplyRequest request, TokenSink sink) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (endpoint.apiKey() != null) {
      headers.put("x-api-key", endpoint.apiKey());
    }
    headers.put("anthropic-version", VERSION);
    StreamedAnswer answer =
        new StreamedAnswer(NAME, ProviderType.ANTHROPIC, endpoint.model(), sink, http.json());
    http.postForEvents(
        NAME,
        Endpoints.resolve(NAME, endpoint, HOSTED, "/messages"),
        headers,
        body(endpoint.model(), Prompt.of(request)),
        (name, data) -> read(answer, name, data));
    return answer.reply();
  }

  private static void read(StreamedAnswer answer, String name, String data) {
    JsonNode event = answer.parse(data);
    // the data repeats the event's name as its type; a proxy may have dropped the event line
    switch (event.path("type").asText(name)) {
      case "message_start" -> {
        JsonNode message = event.path("message");
        answer.model(message.path("model"));
        usage(answer, message.path("usage"));
      }
      case "content_block_delta" -> {
        JsonNode delta = event.path("delta");
        // other deltas (tool input, thinking) are not part of the visible answer
        if (delta.path("type").asText().equals("text_delta")) {
          answer.piece(delta.path("text").asText(""));
        }
      }
      case "message_delta" -> usage(answer, event.path("usage"));
      case "message_stop" -> answer.complete();
      case "error" ->
          throw new ProviderException(NAME + " reported " + errorType(event) + " mid-answer", true);
      default -> {
        // ping, content_block_start/stop and event types added later carry nothing a reply needs
      }
    }
  }

  private static void usage(StreamedAnswer answer, JsonNode usage) {
    answer.inputTokens(usage.path("input_tokens"));
    answer.outputTokens(usage.path("output_tokens"));
  }

  /** The error's type, e.g. {@code overloaded_error}, if it is a plain identifier. */
  private static String errorType(JsonNode event) {
    String type = event.path("error").path("type").asText("");
    return type.matches("[a-z_]{1,40}") ? type : "an error";
  }

  private ObjectNode body(String model, Prompt prompt) {
    ObjectNode body = http.json().createObjectNode();
    body.put("model", model);
    // the system text is a top-level field here, not a message
    body.put("system", prompt.system());
    prompt.addTurnsTo(body.putArray("messages"));
    body.put("max_tokens", MAX_TOKENS);
    body.put("stream", true);
    return body;
  }
}
