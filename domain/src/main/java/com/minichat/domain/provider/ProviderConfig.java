package com.minichat.domain.provider;

import com.minichat.domain.modelserver.ModelServerId;
import java.util.Objects;

/**
 * One provider of a workspace's ordered chain. The API key is kept only encrypted, with a masked
 * hint such as {@code sk-…abcd} for display. An entry may instead name a registered model server,
 * whose address and key then apply.
 *
 * @param model the model name, e.g. {@code gpt-4o-mini}; empty for the offline answerer
 * @param baseUrl the server of a self-hosted or compatible provider; {@code null} for hosted ones
 *     and for entries naming a server
 * @param encryptedApiKey the API key encrypted at rest; {@code null} when none is needed
 * @param apiKeyHint the masked key for display; {@code null} when there is no key
 * @param serverId the registered model server this entry asks; {@code null} for entries that carry
 *     their own address
 */
public record ProviderConfig(
    ProviderType type,
    String model,
    String baseUrl,
    String encryptedApiKey,
    String apiKeyHint,
    ModelServerId serverId) {

  public ProviderConfig {
    Objects.requireNonNull(type, "type");
    model = model == null ? "" : model.strip();
  }

  /** An entry with its own address (or none, for hosted providers). */
  public ProviderConfig(
      ProviderType type, String model, String baseUrl, String encryptedApiKey, String apiKeyHint) {
    this(type, model, baseUrl, encryptedApiKey, apiKeyHint, null);
  }
}
