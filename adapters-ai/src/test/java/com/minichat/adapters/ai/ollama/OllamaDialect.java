package com.minichat.adapters.ai.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.minichat.adapters.ai.provider.ProviderStub;
import java.util.ArrayList;
import java.util.List;

/** Ollama's streamed {@code /api/chat} answer: one JSON object per line, the last one done. */
public final class OllamaDialect implements ProviderStub.Dialect {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CREATED_AT = "2026-11-26T10:00:00.123456789Z";

  @Override
  public String path() {
    return "/api/chat";
  }

  @Override
  public String contentType() {
    return "application/x-ndjson";
  }

  @Override
  public List<String> chunks(
      JsonNode request, List<String> pieces, long inputTokens, long outputTokens) {
    String model = request.path("model").asText();
    List<String> chunks = new ArrayList<>();
    for (String piece : pieces) {
      chunks.add(line(message(model, piece).put("done", false)));
    }
    ObjectNode last = message(model, "").put("done", true).put("done_reason", "stop");
    last.put("total_duration", 912_345_678L).put("load_duration", 12_345_678L);
    last.put("prompt_eval_count", inputTokens).put("prompt_eval_duration", 123_456_789L);
    last.put("eval_count", outputTokens).put("eval_duration", 654_321_000L);
    chunks.add(line(last));
    return chunks;
  }

  @Override
  public String error(int status) {
    return errorBody("stub error " + status).toString();
  }

  /** The line Ollama sends when it fails mid-answer, e.g. the model runner crashed. */
  public static String errorLine(String message) {
    return line(errorBody(message));
  }

  private static ObjectNode errorBody(String message) {
    return JSON.createObjectNode().put("error", message);
  }

  private static ObjectNode message(String model, String content) {
    ObjectNode chunk = JSON.createObjectNode().put("model", model).put("created_at", CREATED_AT);
    chunk.putObject("message").put("role", "assistant").put("content", content);
    return chunk;
  }

  private static String line(JsonNode chunk) {
    return chunk + "\n";
  }
}
