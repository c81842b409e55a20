package com.minichat.domain.modelserver;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a model upload stands. The digest is computed while the file is received, so there is no
 * separate hashing step.
 */
public enum ModelUploadState {
  /** MiniChat is receiving the file from the browser. */
  RECEIVING,
  /** The file is being sent to the model server (skipped when the server already has it). */
  UPLOADING,
  /** The model server is creating the model from the file. */
  CREATING,
  /** The model exists on the server. */
  DONE,
  /** The upload stopped; the job's error says why. */
  FAILED;

  /** Whether nothing more will happen to the job. */
  public boolean finished() {
    return this == DONE || this == FAILED;
  }

  /** The name used in the API and in storage, e.g. {@code uploading}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The state with this wire name. */
  public static Optional<ModelUploadState> fromWireName(String name) {
    for (ModelUploadState state : values()) {
      if (state.wireName().equals(name)) {
        return Optional.of(state);
      }
    }
    return Optional.empty();
  }
}
