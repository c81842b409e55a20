package com.minichat.adapters.ai.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.minichat.application.port.out.ai.ModelReply;
import com.minichat.application.port.out.ai.TokenSink;
import com.minichat.domain.provider.ProviderType;
import java.io.IOException;

/**
 * One answer while a provider streams it: the pieces are passed on as they come and collected, with
 * the model and token counts the provider reports. Each client reads its own wire format into it;
 * an answer whose provider never said it was complete is a broken stream.
 */
public final class StreamedAnswer {
  private final String provider;
  private final ProviderType type;
  private final TokenSink sink;
  private final ObjectMapper json;
  private final StringBuilder text = new StringBuilder();
  private String model;
  private long inputTokens;
  private long outputTokens;
  private boolean complete;

  /**
   * @param provider the provider's name for error messages
   * @param requestedModel reported as the model unless the provider names another
   */
  public StreamedAnswer(
      String provider,
      ProviderType type,
      String requestedModel,
      TokenSink sink,
      ObjectMapper json) {
    this.provider = provider;
    this.type = type;
    this.model = requestedModel;
    this.sink = sink;
    this.json = json;
  }

  /**
   * One chunk of the stream as JSON.
   *
   * @throws ProviderException (retryable) for a chunk that is not JSON
   */
  public JsonNode parse(String chunk) {
    try {
      return json.readTree(chunk);
    } catch (IOException e) {
      throw new ProviderException(provider + " sent a chunk that is not JSON", true, e);
    }
  }

  /** The next piece of the answer; empty pieces are skipped. */
  public void piece(String piece) {
    if (!piece.isEmpty()) {
      text.append(piece);
      sink.token(piece);
    }
  }

  /** The model the provider says answered; a missing or empty name keeps the current one. */
  public void model(JsonNode reported) {
    String name = reported.asText("");
    if (!name.isEmpty()) {
      model = name;
    }
  }

  /** The prompt's tokens, when {@code reported} holds a number. */
  public void inputTokens(JsonNode reported) {
    inputTokens = reported.asLong(inputTokens);
  }

  /** The answer's tokens, when {@code reported} holds a number. */
  public void outputTokens(JsonNode reported) {
    outputTokens = reported.asLong(outputTokens);
  }

  /** The answer's tokens, as computed by the client. */
  public void outputTokens(long count) {
    outputTokens = count;
  }

  /** The provider said the answer is complete. */
  public void complete() {
    complete = true;
  }

  /**
   * The whole answer.
   *
   * @throws ProviderException (retryable) when the stream ended before the provider said it was
   *     complete
   */
  public ModelReply reply() {
    if (!complete) {
      throw new ProviderException(provider + " ended its answer early", true);
    }
    return new ModelReply(text.toString(), type, model, inputTokens, outputTokens);
  }
}
