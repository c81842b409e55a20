package com.minichat.application.service.modelserver;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Limits and places of model uploads.
 *
 * @param maxBytes the largest weights file accepted
 * @param directory where files wait, one per job, between arriving and reaching the server
 * @param staleAfter how long an unfinished job may go without news before it counts as failed (its
 *     instance stopped); longer than the slowest single step, creating a model
 */
public record ModelUploadSettings(long maxBytes, Path directory, Duration staleAfter) {
  public ModelUploadSettings {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("the upload limit must be positive: " + maxBytes);
    }
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(staleAfter, "staleAfter");
  }
}
