package com.minichat.adapters.ai.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.minichat.adapters.ai.provider.ProviderStub;
import java.util.ArrayList;
import java.util.List;

/** Anthropic's streamed Messages API events, as {@code api.anthropic.com} sends them. */
public final class AnthropicDialect implements ProviderStub.Dialect {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final String path;

  /**
   * @param path the messages path, e.g. {@code /v1/messages}
   */
  public AnthropicDialect(String path) {
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
    List<String> chunks = new ArrayList<>();
    ObjectNode start = type("message_start");
    ObjectNode message = start.putObject("message");
    message.put("id", "msg_stub").put("type", "message").put("role", "assistant");
    message.putArray("content");
    message.put("model", request.path("model").asText());
    message.putNull("stop_reason").putNull("stop_sequence");
    // the output count here is a placeholder; message_delta has the real one
    message.putObject("usage").put("input_tokens", inputTokens).put("output_tokens", 1);
    chunks.add(event(start));
    ObjectNode blockStart = type("content_block_start").put("index", 0);
    blockStart.putObject("content_block").put("type", "text").put("text", "");
    chunks.add(event(blockStart));
    chunks.add(event(type("ping")));
    for (String piece : pieces) {
      ObjectNode delta = type("content_block_delta").put("index", 0);
      delta.putObject("delta").put("type", "text_delta").put("text", piece);
      chunks.add(event(delta));
    }
    chunks.add(event(type("content_block_stop").put("index", 0)));
    ObjectNode messageDelta = type("message_delta");
    messageDelta.putObject("delta").put("stop_reason", "end_turn").putNull("stop_sequence");
    messageDelta.putObject("usage").put("output_tokens", outputTokens);
    chunks.add(event(messageDelta));
    chunks.add(event(type("message_stop")));
    return chunks;
  }

  @Override
  public String error(int status) {
    String type =
        switch (status) {
          case 401 -> "authentication_error";
          case 429 -> "rate_limit_error";
          default -> "api_error";
        };
    return errorBody(type).toString();
  }

  /** The {@code error} event Anthropic sends when it fails mid-answer, e.g. overloaded. */
  public static String errorEvent(String errorType) {
    return event(errorBody(errorType));
  }

  private static ObjectNode errorBody(String errorType) {
    ObjectNode body = type("error");
    body.putObject("error").put("type", errorType).put("message", "stub " + errorType);
    return body;
  }

  private static ObjectNode type(String type) {
    return JSON.createObjectNode().put("type", type);
  }

  private static String event(ObjectNode data) {
    return "event: " + data.path("type").asText() + "\ndata: " + data + "\n\n";
  }
}
