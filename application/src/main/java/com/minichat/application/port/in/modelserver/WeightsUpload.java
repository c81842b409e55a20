package com.minichat.application.port.in.modelserver;

import java.io.InputStream;
import java.util.Objects;

/**
 * A GGUF weights file arriving for an Ollama server, read once from {@code body} as it arrives.
 *
 * @param model the name of the model to create from it, e.g. {@code shop-bot:q4}
 * @param declaredBytes the size the sender announced; {@code null} when it did not
 * @param body the file's bytes; never held in memory as a whole
 */
public record WeightsUpload(String model, Long declaredBytes, InputStream body) {
  public WeightsUpload {
    Objects.requireNonNull(body, "body");
  }
}
