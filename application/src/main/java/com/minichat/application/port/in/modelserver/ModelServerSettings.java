package com.minichat.application.port.in.modelserver;

/**
 * A model server as an admin registers it.
 *
 * @param name how people recognise it, e.g. {@code GPU box}
 * @param type {@code ollama} or {@code openai-compatible}
 * @param baseUrl the server's address; an OpenAI-compatible one includes {@code /v1}
 * @param apiKey a key for a proxy in front of the server; {@code null} when it needs none
 */
public record ModelServerSettings(String name, String type, String baseUrl, String apiKey) {}
