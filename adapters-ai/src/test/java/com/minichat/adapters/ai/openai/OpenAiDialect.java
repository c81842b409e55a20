package com.minichat.adapters.ai.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.minichat.adapters.ai.provider.ProviderStub;
import java.util.ArrayList;
import java.util.List;

/** OpenAI's streamed chat completion chunks, as {@code api.openai.com} sends them. */
public final class OpenAiDialect implements ProviderStub.Dialect {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final String path;

  /**
   * @param path the chat completions path, e.g. {@code /v1/chat/completions}
   */
  public OpenAiDialect(String path) {
    this.path = path;
  }

  @Override
  public String path() {
    return path;
  }

  @Override
  public String contentType() {
    return "text/event-stream; charset=utf-8";
  }

  @Override
  public List<String> chunks(
      JsonNode request, List<String> pieces, long inputTokens, long outputTokens) {
    String model = request.path("model").asText();
    List<String> chunks = new ArrayList<>();
    ObjectNode first = chunk(model);
    ObjectNode opening = first.putArray("choices").addObject().put("index", 0);
    opening.putObject("delta").put("role", "assistant").put("content", "");
    opening.putNull("finish_reason");
    chunks.add(event(first));
    for (String piece : pieces) {
      ObjectNode chunk = chunk(model);
      ObjectNode choice = chunk.putArray("choices").addObject();
      choice.put("index", 0).putObject("delta").put("content", piece);
      choice.putNull("finish_reason");
      chunks.add(event(chunk));
    }
    ObjectNode last = chunk(model);
    last.putArray("choices")
        .addObject()
        .put("index", 0)
        .put("finish_reason", "stop")
        .putObject("delta");
    chunks.add(event(last));
    ObjectNode usage = chunk(model);
    usage.putArray("choices");
    usage
        .putObject("usage")
        .put("prompt_tokens", inputTokens)
        .put("completion_tokens", outputTokens)
        .put("total_tokens", inputTokens + outputTokens);
    chunks.add(event(usage));
    chunks.add("data: [DONE]\n\n");
    return chunks;
  }

  @Override
  public String error(int status) {
    return "{\"error\":{\"message\":\"stub error "
        + status
        + "\",\"type\":\"server_error\",\"code\":null}}";
  }

  private static ObjectNode chunk(String model) {
    ObjectNode chunk = JSON.createObjectNode();
    chunk.put("id", "chatcmpl-stub").put("object", "chat.completion.chunk").put("created", 1);
    chunk.put("model", model);
    return chunk;
  }

  private static String event(JsonNode chunk) {
    return "data: " + chunk + "\n\n";
  }
}
