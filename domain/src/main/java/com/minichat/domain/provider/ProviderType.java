package com.minichat.domain.provider;

import java.util.Locale;
import java.util.Optional;

/** The kinds of AI provider a workspace can put in its chain. */
public enum ProviderType {
  OPENAI("openai", true, false),
  ANTHROPIC("anthropic", true, false),
  GEMINI("gemini", true, false),
  OPENAI_COMPATIBLE("openai-compatible", false, true),
  OLLAMA("ollama", false, true),
  OFFLINE("offline", false, false);

  private final String wireName;
  private final boolean needsApiKey;
  private final boolean needsBaseUrl;

  ProviderType(String wireName, boolean needsApiKey, boolean needsBaseUrl) {
    this.wireName = wireName;
    this.needsApiKey = needsApiKey;
    this.needsBaseUrl = needsBaseUrl;
  }

  /** The name used in the API and in storage, e.g. {@code openai-compatible}. */
  public String wireName() {
    return wireName;
  }

  /** Whether the hosted service needs an API key. */
  public boolean needsApiKey() {
    return needsApiKey;
  }

  /** Whether the address of a self-hosted server must be given. */
  public boolean needsBaseUrl() {
    return needsBaseUrl;
  }

  /** The type with this wire name, ignoring case. */
  public static Optional<ProviderType> fromWireName(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String lower = name.strip().toLowerCase(Locale.ROOT);
    for (ProviderType type : values()) {
      if (type.wireName.equals(lower)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
