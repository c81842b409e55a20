package com.minichat.adapters.ai.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.minichat.adapters.ai.provider.ProviderStub;
import java.util.ArrayList;
import java.util.List;

/**
 * Gemini's {@code streamGenerateContent?alt=sse} events, as {@code
 * generativelanguage.googleapis.com} sends them: a whole response per event, the last one with the
 * finish reason and the final token counts.
 */
public final class GeminiDialect implements ProviderStub.Dialect {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final String path;
  private final String modelVersion;

  /**
   * @param path the models path, Javalin syntax, e.g. {@code /v1beta/models/*}
   * @param modelVersion the version the answers name; the model asked for is in the path, which the
   *     stub does not hand over
   */
  public GeminiDialect(String path, String modelVersion) {
    this.path = path;
    this.modelVersion = modelVersion;
  }

  @Override
  public String path() {
    return path;
  }

  @Override
  public String contentType() {
    return "text/event-stream";
  }

  @Override
  public List<String> chunks(
      JsonNode request, List<String> pieces, long inputTokens, long outputTokens) {
    List<String> chunks = new ArrayList<>();
    for (String piece : pieces) {
      ObjectNode chunk = response(piece, null);
      chunk
          .putObject("usageMetadata")
          .put("promptTokenCount", inputTokens)
          .put("totalTokenCount", inputTokens);
      chunks.add(event(chunk));
    }
    ObjectNode last = response("", "STOP");
    ObjectNode usage = last.putObject("usageMetadata");
    usage.put("promptTokenCount", inputTokens).put("candidatesTokenCount", outputTokens);
    usage.put("totalTokenCount", inputTokens + outputTokens);
    usage
        .putArray("promptTokensDetails")
        .addObject()
        .put("modality", "TEXT")
        .put("tokenCount", inputTokens);
    chunks.add(event(last));
    return chunks;
  }

  @Override
  public String error(int status) {
    String name =
        switch (status) {
          case 401 -> "UNAUTHENTICATED";
          case 429 -> "RESOURCE_EXHAUSTED";
          default -> "INTERNAL";
        };
    return errorBody(status, name).toString();
  }

  /** An error Gemini sends as an event in place of the next chunk. */
  public static String errorEvent(int code, String status) {
    return event(errorBody(code, status));
  }

  /** An event as Gemini frames it. */
  public static String event(JsonNode chunk) {
    return "data: " + chunk + "\r\n\r\n";
  }

  private ObjectNode response(String text, String finishReason) {
    ObjectNode chunk = JSON.createObjectNode();
    ObjectNode candidate = chunk.putArray("candidates").addObject();
    ObjectNode content = candidate.putObject("content");
    content.putArray("parts").addObject().put("text", text);
    content.put("role", "model");
    if (finishReason != null) {
      candidate.put("finishReason", finishReason);
    }
    candidate.put("index", 0);
    chunk.put("modelVersion", modelVersion).put("responseId", "stub-response");
    return chunk;
  }

  private static ObjectNode errorBody(int code, String status) {
    ObjectNode body = JSON.createObjectNode();
    body.putObject("error")
        .put("code", code)
        .put("message", "stub error " + code)
        .put("status", status);
    return body;
  }
}
