package com.minichat.application.port.out.ai;

import java.nio.file.Path;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Manages the models of a self-hosted server (Ollama or OpenAI-compatible), with the same timeouts
 * as answering through it. Servers are given as endpoints without a model. Every method throws
 * {@link com.minichat.domain.common.UpstreamUnavailableException} when the server cannot be
 * reached, times out or refuses, with a message that names the server kind and what went wrong
 * (never the key).
 */
public interface ModelServerClient {
  /** The models the server offers, by name. */
  List<ServerModel> models(ProviderEndpoint server);

  /** Whether the (Ollama) server already holds the file with this SHA-256 digest (hex). */
  boolean hasWeights(ProviderEndpoint server, String sha256);

  /**
   * Streams {@code file} to the (Ollama) server, which checks it against {@code sha256}. The
   * transfer has no overall time limit, since files are gigabytes, but fails when it stalls.
   *
   * @param sent told the number of bytes sent so far, from any thread
   */
  void uploadWeights(ProviderEndpoint server, String sha256, Path file, LongConsumer sent);

  /**
   * Creates the model {@code name} on the (Ollama) server from the GGUF file it holds under {@code
   * sha256}; an existing model of that name is replaced.
   */
  void createModel(ProviderEndpoint server, String name, String sha256);
}
