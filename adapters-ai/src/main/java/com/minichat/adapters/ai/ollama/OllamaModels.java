package com.minichat.adapters.ai.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.minichat.adapters.ai.provider.Endpoints;
import com.minichat.adapters.ai.provider.ProviderException;
import com.minichat.adapters.ai.provider.StreamingHttp;
import com.minichat.application.port.out.ai.ProviderEndpoint;
import com.minichat.application.port.out.ai.ServerModel;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Ollama's model management API: the server's models ({@code GET /api/tags}), files by digest
 * ({@code HEAD} and {@code POST /api/blobs/sha256:<hex>}, the server checking the digest) and
 * creating a model from a GGUF file it holds ({@code POST /api/create} with {@code files}).
 */
public final class OllamaModels {
  /** The name the weights get inside the model; its extension tells Ollama the format. */
  private static final String FILE_NAME = "model.gguf";

  private final StreamingHttp http;

  /** Management calls sent through {@code http}, which owns the timeouts. */
  public OllamaModels(StreamingHttp http) {
    this.http = http;
  }

  /** The server's models with size, parameter count and quantization. */
  public List<ServerModel> models(ProviderEndpoint server) {
    JsonNode tags =
        http.getJson(
            OllamaClient.NAME,
            Endpoints.resolve(OllamaClient.NAME, server, null, "/api/tags"),
            Endpoints.bearer(server));
    List<ServerModel> models = new ArrayList<>();
    for (JsonNode model : tags.path("models")) {
      String name = model.path("name").asText(model.path("model").asText(""));
      if (!name.isBlank()) {
        JsonNode details = model.path("details");
        models.add(
            new ServerModel(
                name,
                model.path("size").isNumber() ? model.path("size").asLong() : null,
                text(details.path("parameter_size")),
                text(details.path("quantization_level"))));
      }
    }
    return models;
  }

  /** Whether the server holds the file with this digest. */
  public boolean hasBlob(ProviderEndpoint server, String sha256) {
    return http.exists(OllamaClient.NAME, blob(server, sha256), Endpoints.bearer(server));
  }

  /** Sends {@code file}; the server refuses it (400) when it does not match the digest. */
  public void pushBlob(ProviderEndpoint server, String sha256, Path file, LongConsumer sent) {
    http.upload(OllamaClient.NAME, blob(server, sha256), Endpoints.bearer(server), file, sent);
  }

  /**
   * Creates (or replaces) the model {@code name} from the GGUF file the server holds.
   *
   * @throws ProviderException when the server refuses, with its reason (e.g. not a model)
   */
  public void create(ProviderEndpoint server, String name, String sha256) {
    ObjectNode body = http.json().createObjectNode().put("model", name);
    body.putObject("files").put(FILE_NAME, "sha256:" + sha256);
    body.put("stream", false);
    JsonNode answer =
        http.postForJson(
            OllamaClient.NAME,
            Endpoints.resolve(OllamaClient.NAME, server, null, "/api/create"),
            Endpoints.bearer(server),
            body);
    if (!answer.path("status").asText("").equals("success")) {
      throw new ProviderException(OllamaClient.NAME + " did not confirm the new model", false);
    }
  }

  private static URI blob(ProviderEndpoint server, String sha256) {
    return Endpoints.resolve(OllamaClient.NAME, server, null, "/api/blobs/sha256:" + sha256);
  }

  private static String text(JsonNode node) {
    return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
  }
}
