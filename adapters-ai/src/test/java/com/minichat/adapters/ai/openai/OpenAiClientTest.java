package com.minichat.adapters.ai.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.minichat.adapters.ai.provider.ProviderClient;
import com.minichat.adapters.ai.provider.ProviderClientContract;
import com.minichat.adapters.ai.provider.ProviderStub;
import com.minichat.adapters.ai.provider.RecordingSink;
import com.minichat.adapters.ai.provider.StreamingHttp;
import com.minichat.adapters.ai.provider.TestRequests;
import com.minichat.application.port.out.ai.ModelReply;
import com.minichat.application.port.out.ai.ProviderEndpoint;
import com.minichat.domain.provider.ProviderType;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenAiClientTest extends ProviderClientContract {
  private final OpenAiClient client = new OpenAiClient(http, ProviderType.OPENAI);

  OpenAiClientTest() {
    super(new OpenAiDialect("/v1/chat/completions"));
  }

  @Override
  protected ProviderClient client(StreamingHttp http) {
    return new OpenAiClient(http, ProviderType.OPENAI);
  }

  @Override
  protected ProviderEndpoint endpoint() {
    return new ProviderEndpoint(
        ProviderType.OPENAI, "gpt-4o-mini", stub.baseUrl() + "/v1/", "sk-test-secret-1234");
  }

  @Test
  void streamsTheAnswerPieceByPieceAndReportsTokens() {
    stub.answer(List.of("สวัสดี", "ค่ะ", " ยินดีต้อนรับ"), 42, 7);
    RecordingSink sink = new RecordingSink();

    ModelReply reply =
        client.complete(
            endpoint(), TestRequests.askAfterGreeting("When do you open?", endpoint()), sink);

    assertEquals(List.of("สวัสดี", "ค่ะ", " ยินดีต้อนรับ"), sink.tokens());
    assertEquals("สวัสดีค่ะ ยินดีต้อนรับ", reply.text());
    assertEquals(ProviderType.OPENAI, reply.provider());
    assertEquals("gpt-4o-mini", reply.model());
    assertEquals(42, reply.inputTokens());
    assertEquals(7, reply.outputTokens());
  }

  @Test
  void sendsThePersonaKnowledgeAndConversationInOpenAiShape() {
    client.complete(
        endpoint(),
        TestRequests.askAfterGreeting("When do you open?", endpoint()),
        new RecordingSink());

    ProviderStub.Received request = stub.received().getFirst();
    assertEquals("Bearer sk-test-secret-1234", request.headers().get("Authorization"));
    JsonNode body = request.body();
    assertEquals("gpt-4o-mini", body.path("model").asText());
    assertTrue(body.path("stream").asBoolean());
    assertTrue(body.path("stream_options").path("include_usage").asBoolean());
    JsonNode messages = body.path("messages");
    assertEquals("system", messages.get(0).path("role").asText());
    assertPersonaAndFaq(messages.get(0).path("content").asText());
    assertEquals(List.of("user", "assistant", "user"), roles(messages).subList(1, 4));
    assertEquals("When do you open?", messages.get(3).path("content").asText());
  }

  @Test
  void aCompatibleServerWithoutKeyGetsNoAuthorizationHeader() {
    OpenAiClient compatible = new OpenAiClient(http, ProviderType.OPENAI_COMPATIBLE);
    ProviderEndpoint local =
        new ProviderEndpoint(
            ProviderType.OPENAI_COMPATIBLE, "llama-3.1-8b", stub.baseUrl() + "/v1", null);

    ModelReply reply =
        compatible.complete(local, TestRequests.ask("Hi", local), new RecordingSink());

    assertEquals(stub.answerText(), reply.text());
    assertEquals(ProviderType.OPENAI_COMPATIBLE, reply.provider());
    assertFalse(stub.received().getFirst().headers().containsKey("Authorization"));
  }
}
