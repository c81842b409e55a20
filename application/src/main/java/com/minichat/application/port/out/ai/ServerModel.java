package com.minichat.application.port.out.ai;

import java.util.Objects;

/**
 * A model a self-hosted server offers, as far as the server tells.
 *
 * @param name what a chain entry's {@code model} names, e.g. {@code llama3.2:1b}
 * @param sizeBytes the size of its weights; {@code null} when the server does not say
 * @param parameterSize e.g. {@code 8.0B}; {@code null} when the server does not say
 * @param quantization e.g. {@code Q4_K_M}; {@code null} when the server does not say
 */
public record ServerModel(String name, Long sizeBytes, String parameterSize, String quantization) {
  public ServerModel {
    Objects.requireNonNull(name, "name");
  }
}
