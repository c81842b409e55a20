package com.minichat.adapters.ai.selfhosted;

import com.minichat.adapters.ai.ollama.OllamaModels;
import com.minichat.adapters.ai.openai.OpenAiModels;
import com.minichat.adapters.ai.provider.ProviderException;
import com.minichat.adapters.ai.provider.StreamingHttp;
import com.minichat.application.port.out.ai.ModelServerClient;
import com.minichat.application.port.out.ai.ProviderEndpoint;
import com.minichat.application.port.out.ai.ServerModel;
import com.minichat.domain.common.UpstreamUnavailableException;
import com.minichat.domain.provider.ProviderType;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * {@link ModelServerClient} over the same HTTP client, timeouts and failure messages as answering:
 * Ollama's own management API, or the model list of an OpenAI-compatible server. A {@link
 * ProviderException} becomes an {@link UpstreamUnavailableException} with its message, which names
 * the server kind and what went wrong.
 */
public final class HttpModelServerClient implements ModelServerClient {
  private final OllamaModels ollama;
  private final OpenAiModels openAi;

  /** A client sending every call through {@code http}. */
  public HttpModelServerClient(StreamingHttp http) {
    this.ollama = new OllamaModels(http);
    this.openAi = new OpenAiModels(http);
  }

  @Override
  public List<ServerModel> models(ProviderEndpoint server) {
    List<ServerModel> models =
        call(
            () ->
                switch (server.type()) {
                  case OLLAMA -> ollama.models(server);
                  case OPENAI_COMPATIBLE -> openAi.models(server);
                  default ->
                      throw new IllegalArgumentException(
                          "not a self-hosted server: " + server.type());
                });
    return models.stream().sorted(Comparator.comparing(ServerModel::name)).toList();
  }

  @Override
  public boolean hasWeights(ProviderEndpoint server, String sha256) {
    return call(() -> ollama(server).hasBlob(server, sha256));
  }

  @Override
  public void uploadWeights(ProviderEndpoint server, String sha256, Path file, LongConsumer sent) {
    call(
        () -> {
          ollama(server).pushBlob(server, sha256, file, sent);
          return null;
        });
  }

  @Override
  public void createModel(ProviderEndpoint server, String name, String sha256) {
    call(
        () -> {
          ollama(server).create(server, name, sha256);
          return null;
        });
  }

  private OllamaModels ollama(ProviderEndpoint server) {
    if (server.type() != ProviderType.OLLAMA) {
      throw new IllegalArgumentException("only Ollama servers take weights: " + server.type());
    }
    return ollama;
  }

  private static <T> T call(Supplier<T> action) {
    try {
      return action.get();
    } catch (ProviderException e) {
      throw new UpstreamUnavailableException(e.getMessage(), e);
    }
  }
}
