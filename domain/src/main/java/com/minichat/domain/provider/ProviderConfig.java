package com.minichat.domain.provider;

import java.util.Objects;

/**
 * One provider of a workspace's ordered chain. The API key is kept only encrypted, with a masked
 * hint such as {@code sk-…abcd} for display.
 *
 * @param model the model name, e.g. {@code gpt-4o-mini}; empty for the offline answerer
 * @param baseUrl the server of a self-hosted or compatible provider; {@code null} for hosted ones
 * @param encryptedApiKey the API key encrypted at rest; {@code null} when none is needed
 * @param apiKeyHint the masked key for display; {@code null} when there is no key
 */
public record ProviderConfig(
    ProviderType type, String model, String baseUrl, String encryptedApiKey, String apiKeyHint) {

  public ProviderConfig {
    Objects.requireNonNull(type, "type");
    model = model == null ? "" : model.strip();
  }
}
