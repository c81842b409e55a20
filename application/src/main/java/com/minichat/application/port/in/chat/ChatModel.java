package com.minichat.application.port.in.chat;

import java.time.Instant;

/**
 * A model name a client of the workspace bot may see.
 *
 * @param name e.g. {@code minichat}, {@code gpt-4o-mini} or {@code offline}
 * @param provider who runs it: {@code minichat} for the bot itself, otherwise the provider type
 *     ({@code openai}, {@code anthropic}, {@code offline}…)
 * @param since when the workspace began to offer it: the workspace's creation
 */
public record ChatModel(String name, String provider, Instant since) {}
