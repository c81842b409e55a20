package com.minichat.adapters.ai.openai;

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
 * OpenAI's chat completions API, streamed ({@code stream: true} with usage in the last chunk). The
 * same client serves any OpenAI-compatible server (vLLM, llama.cpp, LM Studio…), whose base address
 * then includes its version path, e.g. {@code http://gpu-1:8000/v1}.
 */
public final class OpenAiClient implements ProviderClient {
  /** OpenAI's own API. */
  public static final String HOSTED = "https://api.openai.com/v1";

  /** How messages name a compatible server. */
  static final String COMPATIBLE = "The OpenAI-compatible server";

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
    String name = type == ProviderType.OPENAI ? "OpenAI" : COMPATIBLE;
    StreamedAnswer answer = new StreamedAnswer(name, type, endpoint.model(), sink, http.json());
    http.postForEvents(
        name,
        Endpoints.resolve(
            name, endpoint, type == ProviderType.OPENAI ? HOSTED : null, "/chat/completions"),
        Endpoints.bearer(endpoint),
        body(endpoint.model(), Prompt.of(request)),
        (event, data) -> read(name, answer, data));
    return answer.reply();
  }

  private static void read(String name, StreamedAnswer answer, String data) {
    if (data.strip().equals("[DONE]")) {
      answer.complete();
      return;
    }
    JsonNode chunk = answer.parse(data);
    if (chunk.has("error")) {
      throw new ProviderException(name + " reported an error mid-answer", true);
    }
    answer.model(chunk.path("model"));
    for (JsonNode choice : chunk.path("choices")) {
      answer.piece(choice.path("delta").path("content").asText(""));
    }
    JsonNode usage = chunk.path("usage");
    answer.inputTokens(usage.path("prompt_tokens"));
    answer.outputTokens(usage.path("completion_tokens"));
  }

  private ObjectNode body(String model, Prompt prompt) {
    ObjectNode body = http.json().createObjectNode();
    body.put("model", model);
    ArrayNode messages = body.putArray("messages");
    messages.addObject().put("role", "system").put("content", prompt.system());
    prompt.addTurnsTo(messages);
    body.put("stream", true);
    body.putObject("stream_options").put("include_usage", true);
    return body;
  }
}
