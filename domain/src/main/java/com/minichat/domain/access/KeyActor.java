package com.minichat.domain.access;

import com.minichat.domain.apikey.ApiKey;
import java.util.Objects;

/** A request authenticated by a workspace API key; it reaches only that workspace. */
public record KeyActor(ApiKey key) implements Actor {
  public KeyActor {
    Objects.requireNonNull(key, "key");
  }
}
