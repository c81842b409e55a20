package com.minichat.domain.modelserver;

import com.minichat.domain.common.Identifiers;

/** Identifier of a workspace's registered model server. */
public record ModelServerId(String value) {
  public ModelServerId {
    Identifiers.require(value, "ModelServerId");
  }

  /** A new random identifier. */
  public static ModelServerId generate() {
    return new ModelServerId(Identifiers.random(12));
  }
}
