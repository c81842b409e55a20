package com.minichat.adapters.ai.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.minichat.adapters.ai.provider.ProviderClientContract;
import com.minichat.adapters.ai.provider.ProviderStub;
import com.minichat.adapters.ai.provider.ProviderStub.Failure;
import com.minichat.adapters.ai.provider.StreamingHttp;
import com.minichat.application.port.out.ai.ProviderEndpoint;
import com.minichat.domain.common.UpstreamUnavailableException;
import com.minichat.domain.provider.ProviderType;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpenAiModerationTest {
  /** OpenAI's moderation answer: flags any input that mentions "hurt". */
  private static final class ModerationDialect implements ProviderStub.Dialect {
    @Override
    public String path() {
      return "/v1/moderations";
    }

    @Override
    public String contentType() {
      return "application/json";
    }

    @Override
    public List<String> chunks(
        JsonNode request, List<String> pieces, long inputTokens, long outputTokens) {
      boolean flagged = request.path("input").asText().contains("hurt");
      return List.of(
          "{\"id\":\"modr-1\",\"model\":\""
              + request.path("model").asText()
              + "\",\"results\":[{\"flagged\":"
              + flagged
              + ",\"categories\":{\"violence\":"
              + flagged
              + ",\"harassment\":false,\"self-harm\":false},"
              + "\"category_scores\":{\"violence\":0.9,\"harassment\":0.01,\"self-harm\":0.0}}]}");
    }

    @Override
    public String error(int status) {
      return "{\"error\":{\"message\":\"stub\",\"type\":\"server_error\"}}";
    }
  }

  private final ProviderStub stub = ProviderStub.start(new ModerationDialect());
  private final StreamingHttp http =
      new StreamingHttp(
          new ObjectMapper(), ProviderClientContract.FAST, ProviderClientContract.LOCAL_STUBS);
  private final OpenAiModeration moderation = new OpenAiModeration(http);
  private final ProviderEndpoint endpoint =
      new ProviderEndpoint(
          ProviderType.OPENAI, "gpt-4o-mini", stub.baseUrl() + "/v1", "sk-mod-0001");

  @AfterEach
  void stop() {
    http.close();
    stub.close();
  }

  @Test
  void aFlaggedTextNamesItsCategoriesAndAFineOneNone() {
    assertEquals(List.of("violence"), moderation.flagged(endpoint, "I will hurt you"));
    assertEquals(List.of(), moderation.flagged(endpoint, "ร้านเปิดกี่โมงคะ"));

    JsonNode request = stub.received().getFirst().body();
    assertEquals(OpenAiModeration.MODEL, request.path("model").asText());
    assertEquals("I will hurt you", request.path("input").asText());
    assertEquals("Bearer sk-mod-0001", stub.received().getFirst().headers().get("Authorization"));
  }

  @Test
  void anEndpointThatFailsIsUpstreamUnavailable() {
    stub.failNext(Failure.STATUS_500, 1);

    assertThrows(UpstreamUnavailableException.class, () -> moderation.flagged(endpoint, "Hi"));
  }
}
