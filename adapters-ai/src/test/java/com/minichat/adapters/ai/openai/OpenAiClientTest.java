package com.minichat.adapters.ai.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.minichat.adapters.ai.provider.ProviderException;
import com.minichat.adapters.ai.provider.ProviderStub;
import com.minichat.adapters.ai.provider.ProviderStub.Failure;
import com.minichat.adapters.ai.provider.ProviderTimeouts;
import com.minichat.adapters.ai.provider.RecordingSink;
import com.minichat.adapters.ai.provider.StreamingHttp;
import com.minichat.adapters.ai.provider.TestRequests;
import com.minichat.application.port.out.ai.ModelReply;
import com.minichat.application.port.out.ai.ProviderEndpoint;
import com.minichat.domain.provider.ProviderType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpenAiClientTest {
  private static final ProviderTimeouts FAST =
      new ProviderTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofMillis(300));

  private final ProviderStub stub = ProviderStub.start(new OpenAiDialect("/v1/chat/completions"));
  private final StreamingHttp http = new StreamingHttp(new ObjectMapper(), FAST);
  private final OpenAiClient client = new OpenAiClient(http, ProviderType.OPENAI);

  @AfterEach
  void stop() {
    http.close();
    stub.close();
  }

  private ProviderEndpoint endpoint() {
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
    String system = messages.get(0).path("content").asText();
    assertTrue(system.contains("Speak like a friendly barista."), system);
    assertTrue(system.contains("Every day 8:00-18:00."), system);
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

  @Test
  void rateLimitsAndServerErrorsMayBeRetriedButARefusedKeyMayNot() {
    stub.failNext(Failure.STATUS_429, 1)
        .failNext(Failure.STATUS_500, 1)
        .failNext(Failure.STATUS_401, 1);

    assertTrue(failure().retryable());
    assertTrue(failure().retryable());
    ProviderException refused = failure();
    assertFalse(refused.retryable());
    assertTrue(refused.getMessage().contains("401"), refused.getMessage());
    assertFalse(refused.getMessage().contains("sk-test"), refused.getMessage());
  }

  @Test
  void aConnectionBrokenMidStreamIsARetryableFailureAfterSomeTokens() {
    stub.failNext(Failure.RESET_MID_STREAM, 1);
    RecordingSink sink = new RecordingSink();

    ProviderException failure =
        assertThrows(
            ProviderException.class,
            () -> client.complete(endpoint(), TestRequests.ask("Hi", endpoint()), sink));

    assertTrue(failure.retryable());
    assertFalse(sink.tokens().isEmpty(), "some text arrived before the break");
  }

  @Test
  void aConnectionBrokenBeforeTheFirstTokenIsRetryable() {
    stub.failNext(Failure.RESET_BEFORE_FIRST_TOKEN, 1);
    RecordingSink sink = new RecordingSink();

    assertTrue(
        assertThrows(
                ProviderException.class,
                () -> client.complete(endpoint(), TestRequests.ask("Hi", endpoint()), sink))
            .retryable());
    assertTrue(sink.tokens().isEmpty());
  }

  @Test
  void aStalledStreamFailsAfterTheStallTimeout() {
    stub.failNext(Failure.STALL_MID_STREAM, 1);
    long started = System.nanoTime();

    ProviderException failure =
        assertThrows(
            ProviderException.class,
            () ->
                client.complete(
                    endpoint(), TestRequests.ask("Hi", endpoint()), new RecordingSink()));

    assertTrue(failure.retryable());
    assertTrue(failure.getMessage().contains("silent"), failure.getMessage());
    assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(5)) < 0);
    assertFalse(Thread.currentThread().isInterrupted(), "the watchdog's interrupt is cleared");
    // the client still works afterwards
    assertEquals(
        stub.answerText(),
        client
            .complete(endpoint(), TestRequests.ask("Hi", endpoint()), new RecordingSink())
            .text());
  }

  private ProviderException failure() {
    return assertThrows(
        ProviderException.class,
        () -> client.complete(endpoint(), TestRequests.ask("Hi", endpoint()), new RecordingSink()));
  }

  private static List<String> roles(JsonNode messages) {
    return java.util.stream.StreamSupport.stream(messages.spliterator(), false)
        .map(message -> message.path("role").asText())
        .toList();
  }
}
