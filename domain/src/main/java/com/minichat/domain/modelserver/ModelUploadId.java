package com.minichat.domain.modelserver;

import com.minichat.domain.common.Identifiers;

/** Identifier of a model upload job. */
public record ModelUploadId(String value) {
  public ModelUploadId {
    Identifiers.require(value, "ModelUploadId");
  }

  /** A new random identifier. */
  public static ModelUploadId generate() {
    return new ModelUploadId(Identifiers.random(12));
  }
}
