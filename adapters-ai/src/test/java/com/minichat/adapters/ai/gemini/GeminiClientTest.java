package com.minichat.adapters.ai.gemini;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.minichat.adapters.ai.provider.ProviderClient;
import com.minichat.adapters.ai.provider.ProviderClientContract;
import com.minichat.adapters.ai.provider.ProviderException;
import com.minichat.adapters.ai.provider.ProviderStub;
import com.minichat.adapters.ai.provider.RecordingSink;
import com.minichat.adapters.ai.provider.StreamingHttp;
import com.minichat.adapters.ai.provider.TestRequests;
import com.minichat.application.port.out.ai.ModelReply;
import com.minichat.application.port.out.ai.ProviderEndpoint;
import com.minichat.domain.provider.ProviderType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GeminiClientTest extends ProviderClientContract {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final GeminiClient client = new GeminiClient(http);

  GeminiClientTest() {
    super(new GeminiDialect("/v1beta/models/*", "gemini-2.0-flash-001"));
  }

  @Override
  protected ProviderClient client(StreamingHttp http) {
    return new GeminiClient(http);
  }

  @Override
  protected ProviderEndpoint endpoint() {
    return endpoint("gemini-2.0-flash", stub.baseUrl() + "/v1beta");
  }

  private static ProviderEndpoint endpoint(String model, String baseUrl) {
    return new ProviderEndpoint(ProviderType.GEMINI, model, baseUrl, "AIzaSy-test-secret-9012");
  }

  @Test
  void streamsTheAnswerPieceByPieceAndReportsTokens() {
    stub.answer(List.of("สวัสดี", "ค่ะ", " มีอะไรให้ช่วย", "ไหมคะ"), 61, 9);
    RecordingSink sink = new RecordingSink();

    ModelReply reply =
        client.complete(endpoint(), TestRequests.askAfterGreeting("สวัสดี", endpoint()), sink);

    assertEquals(List.of("สวัสดี", "ค่ะ", " มีอะไรให้ช่วย", "ไหมคะ"), sink.tokens());
    assertEquals("สวัสดีค่ะ มีอะไรให้ช่วยไหมคะ", reply.text());
    assertEquals(ProviderType.GEMINI, reply.provider());
    assertEquals("gemini-2.0-flash-001", reply.model(), "the version Gemini says answered");
    assertEquals(61, reply.inputTokens());
    assertEquals(9, reply.outputTokens());
  }

  @Test
  void sendsThePersonaKnowledgeAndConversationInGeminiShape() {
    client.complete(
        endpoint(),
        TestRequests.askAfterGreeting("When do you open?", endpoint()),
        new RecordingSink());

    ProviderStub.Received request = stub.received().getFirst();
    assertEquals("/v1beta/models/gemini-2.0-flash:streamGenerateContent", request.path());
    assertEquals("AIzaSy-test-secret-9012", request.headers().get("x-goog-api-key"));
    assertFalse(request.headers().containsKey("Authorization"));
    JsonNode body = request.body();
    assertPersonaAndFaq(body.path("systemInstruction").path("parts").path(0).path("text").asText());
    JsonNode contents = body.path("contents");
    assertEquals(List.of("user", "model", "user"), roles(contents));
    assertEquals("Hi", contents.get(0).path("parts").path(0).path("text").asText());
    assertEquals("When do you open?", contents.get(2).path("parts").path(0).path("text").asText());
  }

  @Test
  void theModelNameIsOneEncodedSegmentOfTheStreamingAddress() {
    assertEquals(
        GeminiClient.HOSTED + "/models/gemini-2.5-flash:streamGenerateContent?alt=sse",
        GeminiClient.address(endpoint("gemini-2.5-flash", null)).toString());
    assertEquals(
        "http://proxy:8080/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse",
        GeminiClient.address(endpoint("models/gemini-2.5-flash", "http://proxy:8080/v1beta/"))
            .toString(),
        "the name as Google's model list spells it");
    assertEquals(
        GeminiClient.HOSTED + "/models/my%20model%3Fx%2Fy%E0%B8%81:streamGenerateContent?alt=sse",
        GeminiClient.address(endpoint("my model?x/yก", null)).toString());
  }

  @Test
  void aThinkingModelsThoughtsCountAsOutputTokens() {
    dialect.rewriteNext(
        chunks -> {
          List<String> thinking = new ArrayList<>(chunks.subList(0, chunks.size() - 1));
          thinking.add(
              GeminiDialect.event(
                  json(
                      """
                      {"candidates": [{"content": {"parts": [{"text": ""}], "role": "model"},
                                       "finishReason": "STOP", "index": 0}],
                       "usageMetadata": {"promptTokenCount": 40, "candidatesTokenCount": 6,
                                         "thoughtsTokenCount": 120, "totalTokenCount": 166},
                       "modelVersion": "gemini-2.5-flash"}
                      """)));
          return thinking;
        });

    ModelReply reply =
        client.complete(endpoint(), TestRequests.ask("Hi", endpoint()), new RecordingSink());

    assertEquals(stub.answerText(), reply.text());
    assertEquals("gemini-2.5-flash", reply.model());
    assertEquals(40, reply.inputTokens());
    assertEquals(126, reply.outputTokens());
  }

  @Test
  void aBlockedQuestionIsNotRetryable() {
    dialect.rewriteNext(
        chunks ->
            List.of(
                GeminiDialect.event(
                    json(
                        """
                        {"promptFeedback": {"blockReason": "PROHIBITED_CONTENT"},
                         "usageMetadata": {"promptTokenCount": 9, "totalTokenCount": 9},
                         "modelVersion": "gemini-2.0-flash-001"}
                        """))));
    RecordingSink sink = new RecordingSink();

    ProviderException failure = failure(sink);

    assertFalse(failure.retryable());
    assertTrue(failure.getMessage().contains("blocked"), failure.getMessage());
    assertTrue(sink.tokens().isEmpty());
  }

  @Test
  void anErrorMidAnswerIsARetryableFailure() {
    dialect.rewriteNext(
        chunks -> {
          List<String> broken = new ArrayList<>(chunks.subList(0, 2));
          broken.add(GeminiDialect.errorEvent(503, "UNAVAILABLE"));
          return broken;
        });
    RecordingSink sink = new RecordingSink();

    ProviderException failure = failure(sink);

    assertTrue(failure.retryable());
    assertEquals(List.of("Hello", " from"), sink.tokens());
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
