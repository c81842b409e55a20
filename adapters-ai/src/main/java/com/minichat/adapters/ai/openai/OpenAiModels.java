package com.minichat.adapters.ai.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.minichat.adapters.ai.provider.Endpoints;
import com.minichat.adapters.ai.provider.StreamingHttp;
import com.minichat.application.port.out.ai.ProviderEndpoint;
import com.minichat.application.port.out.ai.ServerModel;
import java.util.ArrayList;
import java.util.List;

/**
 * The model list of an OpenAI-compatible server: {@code GET /models} under its base address, which
 * includes the version path ({@code http://gpu-1:8000/v1}). Such servers name their models and
 * little else.
 */
public final class OpenAiModels {
  private final StreamingHttp http;

  /** Model lists fetched through {@code http}, which owns the timeouts. */
  public OpenAiModels(StreamingHttp http) {
    this.http = http;
  }

  /** The server's models, by id. */
  public List<ServerModel> models(ProviderEndpoint server) {
    JsonNode list =
        http.getJson(
            OpenAiClient.COMPATIBLE,
            Endpoints.resolve(OpenAiClient.COMPATIBLE, server, null, "/models"),
            Endpoints.bearer(server));
    List<ServerModel> models = new ArrayList<>();
    for (JsonNode model : list.path("data")) {
      String id = model.path("id").asText("");
      if (!id.isBlank()) {
        models.add(new ServerModel(id, null, null, null));
      }
    }
    return models;
  }
}
