package com.minichat.application.port.in.provider;

/**
 * One provider as an admin sends it.
 *
 * @param type {@code openai}, {@code anthropic}, {@code gemini}, {@code openai-compatible}, {@code
 *     ollama} or {@code offline}
 * @param apiKey the plain key; {@code null} keeps the key stored for the same type at the same
 *     position (so the masked form can be sent back unchanged)
 */
public record ProviderSetting(String type, String model, String baseUrl, String apiKey) {}
