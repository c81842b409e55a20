package com.minichat.adapters.ai.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.minichat.adapters.ai.provider.Endpoints;
import com.minichat.adapters.ai.provider.ProviderException;
import com.minichat.adapters.ai.provider.StreamingHttp;
import com.minichat.application.port.out.ai.ModerationCheck;
import com.minichat.application.port.out.ai.ProviderEndpoint;
import com.minichat.domain.common.UpstreamUnavailableException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** OpenAI's moderation endpoint ({@code POST /moderations}, free of charge). */
public final class OpenAiModeration implements ModerationCheck {
  /** The model OpenAI recommends for text and images. */
  static final String MODEL = "omni-moderation-latest";

  private static final String NAME = "OpenAI moderation";

  private final StreamingHttp http;

  public OpenAiModeration(StreamingHttp http) {
    this.http = http;
  }

  @Override
  public List<String> flagged(ProviderEndpoint endpoint, String text) {
    ObjectNode body = http.json().createObjectNode().put("model", MODEL).put("input", text);
    StringBuilder answer = new StringBuilder();
    try {
      http.post(
          NAME,
          Endpoints.resolve(NAME, endpoint, OpenAiClient.HOSTED, "/moderations"),
          endpoint.apiKey() == null
              ? Map.of()
              : Map.of("Authorization", "Bearer " + endpoint.apiKey()),
          body,
          line -> answer.append(line).append('\n'));
      List<String> categories = new ArrayList<>();
      for (JsonNode result : http.json().readTree(answer.toString()).path("results")) {
        if (result.path("flagged").asBoolean()) {
          result
              .path("categories")
              .properties()
              .forEach(
                  category -> {
                    if (category.getValue().asBoolean()) {
                      categories.add(category.getKey());
                    }
                  });
          if (categories.isEmpty()) {
            categories.add("flagged");
          }
        }
      }
      return categories;
    } catch (ProviderException | IOException e) {
      throw new UpstreamUnavailableException(NAME + " could not check the message", e);
    }
  }
}
