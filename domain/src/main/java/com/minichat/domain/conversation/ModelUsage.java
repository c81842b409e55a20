package com.minichat.domain.conversation;

import java.util.Objects;

/**
 * What producing an AI answer used.
 *
 * @param provider the provider type's wire name, e.g. {@code openai}
 * @param model the model that answered
 * @param inputTokens tokens of the prompt, as the provider counted them
 * @param outputTokens tokens of the answer, as the provider counted them
 * @param costMicros the price in millionths of a US dollar, from the price table
 */
public record ModelUsage(
    String provider, String model, long inputTokens, long outputTokens, long costMicros) {
  public ModelUsage {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(model, "model");
  }
}
