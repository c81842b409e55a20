package com.minichat.adapters.ai.anthropic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnthropicClientTest extends ProviderClientContract {
  private final AnthropicClient client = new AnthropicClient(http);

  AnthropicClientTest() {
    super(new AnthropicDialect("/v1/messages"));
  }

  @Override
  protected ProviderClient client(StreamingHttp http) {
    return new AnthropicClient(http);
  }

  @Override
  protected ProviderEndpoint endpoint() {
    return new ProviderEndpoint(
        ProviderType.ANTHROPIC,
        "claude-3-5-haiku-latest",
        stub.baseUrl() + "/v1/",
        "sk-ant-test-secret-5678");
  }

  @Test
  void streamsTheAnswerPieceByPieceAndReportsTokens() {
    stub.answer(List.of("ร้านเปิด", "ทุกวัน", " 8 โมงเช้า", "ค่ะ"), 58, 11);
    RecordingSink sink = new RecordingSink();

    ModelReply reply =
        client.complete(
            endpoint(), TestRequests.askAfterGreeting("ร้านเปิดกี่โมง", endpoint()), sink);

    assertEquals(List.of("ร้านเปิด", "ทุกวัน", " 8 โมงเช้า", "ค่ะ"), sink.tokens());
    assertEquals("ร้านเปิดทุกวัน 8 โมงเช้าค่ะ", reply.text());
    assertEquals(ProviderType.ANTHROPIC, reply.provider());
    assertEquals("claude-3-5-haiku-latest", reply.model());
    assertEquals(58, reply.inputTokens());
    assertEquals(11, reply.outputTokens());
  }

  @Test
  void sendsThePersonaKnowledgeAndConversationInAnthropicShape() {
    client.complete(
        endpoint(),
        TestRequests.askAfterGreeting("When do you open?", endpoint()),
        new RecordingSink());

    ProviderStub.Received request = stub.received().getFirst();
    assertEquals("/v1/messages", request.path());
    assertEquals("sk-ant-test-secret-5678", request.headers().get("x-api-key"));
    assertEquals("2023-06-01", request.headers().get("anthropic-version"));
    assertFalse(request.headers().containsKey("Authorization"));
    JsonNode body = request.body();
    assertEquals("claude-3-5-haiku-latest", body.path("model").asText());
    assertEquals(1024, body.path("max_tokens").asInt());
    assertTrue(body.path("stream").asBoolean());
    assertPersonaAndFaq(body.path("system").asText());
    JsonNode messages = body.path("messages");
    assertEquals(List.of("user", "assistant", "user"), roles(messages));
    assertEquals("Hi", messages.get(0).path("content").asText());
    assertEquals("When do you open?", messages.get(2).path("content").asText());
  }

  @Test
  void anErrorEventMidAnswerIsARetryableFailure() {
    // message_start, content_block_start, ping and two deltas, then Anthropic is overloaded
    dialect.rewriteNext(
        chunks -> {
          List<String> broken = new ArrayList<>(chunks.subList(0, 5));
          broken.add(AnthropicDialect.errorEvent("overloaded_error"));
          return broken;
        });
    RecordingSink sink = new RecordingSink();

    ProviderException failure = failure(sink);

    assertTrue(failure.retryable());
    assertTrue(failure.getMessage().contains("overloaded_error"), failure.getMessage());
    assertEquals(List.of("Hello", " from"), sink.tokens());
  }
}
