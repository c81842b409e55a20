package com.minichat.domain.apikey;

import com.minichat.domain.common.Identifiers;

/** Identifier of an API key (not the secret). */
public record ApiKeyId(String value) {
  public ApiKeyId {
    Identifiers.require(value, "ApiKeyId");
  }

  /** A new random identifier. */
  public static ApiKeyId generate() {
    return new ApiKeyId(Identifiers.random(12));
  }
}
