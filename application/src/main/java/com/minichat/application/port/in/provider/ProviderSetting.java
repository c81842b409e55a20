package com.minichat.application.port.in.provider;

/**
 * One provider as an admin sends it.
 *
 * @param type {@code openai}, {@code anthropic}, {@code gemini}, {@code openai-compatible}, {@code
 *     ollama} or {@code offline}
 * @param apiKey the plain key; {@code null} keeps the key stored for the same type at the same
 *     position (so the masked form can be sent back unchanged)
 * @param serverId a registered model server of the same type to ask, instead of {@code baseUrl} and
 *     {@code apiKey}; {@code null} for entries with their own address
 */
public record ProviderSetting(
    String type, String model, String baseUrl, String apiKey, String serverId) {

  /** An entry with its own address (or none, for hosted providers). */
  public ProviderSetting(String type, String model, String baseUrl, String apiKey) {
    this(type, model, baseUrl, apiKey, null);
  }
}
