package com.minichat.application.port.out.ai;

import com.minichat.domain.provider.ProviderType;
import java.util.Objects;

/**
 * A language model's complete answer.
 *
 * @param text the answer shown to the visitor
 * @param provider which provider of the chain answered
 * @param model which model produced it, e.g. {@code gpt-4o-mini} or {@code offline}
 * @param inputTokens tokens the provider counted in the prompt (0 when it does not say)
 * @param outputTokens tokens the provider counted in the answer (0 when it does not say)
 */
public record ModelReply(
    String text, ProviderType provider, String model, long inputTokens, long outputTokens) {
  public ModelReply {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(model, "model");
  }
}
