package com.minichat.adapters.ai.openai;

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
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * OpenAI's chat completions API, streamed ({@code stream: true} with usage in the last chunk). The
 * same client serves any OpenAI-compatible server (vLLM, llama.cpp, LM Studio…), whose base address
 * then includes its version path, e.g. {@code http://gpu-1:8000/v1}.
 */
public final class OpenAiClient implements ProviderClient {
  /** OpenAI's own API. */
  public static final String HOSTED = "https://api.openai.com/v1";

  private final StreamingHttp http;
  private final ProviderType type;

  /**
   * @param type {@link ProviderType#OPENAI} or {@link ProviderType#OPENAI_COMPATIBLE}
   */
  public OpenAiClient(StreamingHttp http, ProviderType type) {
    if (type != ProviderType.OPENAI && type != ProviderType.OPENAI_COMPATIBLE) {
      throw new IllegalArgumentException("not an OpenAI protocol: " + type);
    }
    this.http = http;
    this.type = type;
  }

  @Override
  public ProviderType type() {
    return type;
  }

  @Override
  public ModelReply complete(ProviderEndpoint endpoint, ReplyRequest request, TokenSink sink) {
    String name = type == ProviderType.OPENAI ? "OpenAI" : "The OpenAI-compatible server";
    Map<String, String> headers = new LinkedHashMap<>();
    if (endpoint.apiKey() != null) {
      headers.put("Authorization", "Bearer " + endpoint.apiKey());
    }
    Answer answer = new Answer(sink);
    http.postForEvents(
        name,
        Endpoints.resolve(
            name, endpoint, type == ProviderType.OPENAI ? HOSTED : null, "/chat/completions"),
        headers,
        body(endpoint.model(), Prompt.of(request)),
        (event, data) -> answer.read(name, data));
    if (!answer.done) {
      throw new ProviderException(name + " ended its answer early", true);
    }
    return new ModelReply(
        answer.text.toString(), type, answer.model, answer.inputTokens, answer.outputTokens);
  }

  private ObjectNode body(String model, Prompt prompt) {
    ObjectNode body = http.json().createObjectNode();
    body.put("model", model);
    ArrayNode messages = body.putArray("messages");
    messages.addObject().put("role", "system").put("content", prompt.system());
    for (Prompt.Turn turn : prompt.turns()) {
      messages
          .addObject()
          .put("role", turn.role().name().toLowerCase(Locale.ROOT))
          .put("content", turn.text());
    }
    body.put("stream", true);
    body.putObject("stream_options").put("include_usage", true);
    return body;
  }

  /** The answer as the chunks arrive. */
  private final class Answer {
    private final TokenSink sink;
    private final StringBuilder text = new StringBuilder();
    private String model = "";
    private long inputTokens;
    private long outputTokens;
    private boolean done;

    Answer(TokenSink sink) {
      this.sink = sink;
    }

    void read(String name, String data) {
      if (data.strip().equals("[DONE]")) {
        done = true;
        return;
      }
      JsonNode chunk;
      try {
        chunk = http.json().readTree(data);
      } catch (IOException e) {
        throw new ProviderException(name + " sent a chunk that is not JSON", true, e);
      }
      if (chunk.has("error")) {
        throw new ProviderException(name + " reported an error mid-answer", true);
      }
      model = chunk.path("model").asText(model);
      for (JsonNode choice : chunk.path("choices")) {
        String piece = choice.path("delta").path("content").asText("");
        if (!piece.isEmpty()) {
          text.append(piece);
          sink.token(piece);
        }
      }
      JsonNode usage = chunk.path("usage");
      if (usage.isObject()) {
        inputTokens = usage.path("prompt_tokens").asLong(inputTokens);
        outputTokens = usage.path("completion_tokens").asLong(outputTokens);
      }
    }
  }
}
