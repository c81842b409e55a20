package com.minichat.adapters.ai.ollama;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

class OllamaClientTest extends ProviderClientContract {
  private final OllamaClient client = new OllamaClient(http);

  OllamaClientTest() {
    super(new OllamaDialect());
  }

  @Override
  protected ProviderClient client(StreamingHttp http) {
    return new OllamaClient(http);
  }

  /** An Ollama server behind a proxy that wants a key. */
  @Override
  protected ProviderEndpoint endpoint() {
    return new ProviderEndpoint(
        ProviderType.OLLAMA, "llama3.1:8b", stub.baseUrl() + "/", "ollama-proxy-secret-3456");
  }

  /** An Ollama server as it comes, without keys. */
  private ProviderEndpoint open() {
    return new ProviderEndpoint(ProviderType.OLLAMA, "llama3.1:8b", stub.baseUrl(), null);
  }

  @Test
  void streamsTheAnswerPieceByPieceAndReportsTokens() {
    stub.answer(List.of("กาแฟ", "เย็น", "ราคา", " 55 บาท", "ค่ะ"), 73, 14);
    RecordingSink sink = new RecordingSink();

    ModelReply reply =
        client.complete(open(), TestRequests.askAfterGreeting("กาแฟเย็นราคาเท่าไร", open()), sink);

    assertEquals(List.of("กาแฟ", "เย็น", "ราคา", " 55 บาท", "ค่ะ"), sink.tokens());
    assertEquals("กาแฟเย็นราคา 55 บาทค่ะ", reply.text());
    assertEquals(ProviderType.OLLAMA, reply.provider());
    assertEquals("llama3.1:8b", reply.model());
    assertEquals(73, reply.inputTokens());
    assertEquals(14, reply.outputTokens());
  }

  @Test
  void sendsThePersonaKnowledgeAndConversationInOllamaShapeWithoutAKey() {
    client.complete(
        open(), TestRequests.askAfterGreeting("When do you open?", open()), new RecordingSink());

    ProviderStub.Received request = stub.received().getFirst();
    assertEquals("/api/chat", request.path());
    assertFalse(request.headers().containsKey("Authorization"));
    JsonNode body = request.body();
    assertEquals("llama3.1:8b", body.path("model").asText());
    assertTrue(body.path("stream").asBoolean());
    JsonNode messages = body.path("messages");
    assertEquals(List.of("system", "user", "assistant", "user"), roles(messages));
    assertPersonaAndFaq(messages.get(0).path("content").asText());
    assertEquals("When do you open?", messages.get(3).path("content").asText());
  }

  @Test
  void aKeyForAProxyInFrontOfOllamaIsSentAsBearerToken() {
    client.complete(endpoint(), TestRequests.ask("Hi", endpoint()), new RecordingSink());

    assertEquals(
        "Bearer ollama-proxy-secret-3456",
        stub.received().getFirst().headers().get("Authorization"));
  }

  @Test
  void withoutAServerAddressTheCallFailsAtOnceAndIsNotRetryable() {
    ProviderEndpoint nowhere = new ProviderEndpoint(ProviderType.OLLAMA, "llama3.1:8b", " ", null);

    ProviderException failure =
        assertThrows(
            ProviderException.class,
            () -> client.complete(nowhere, TestRequests.ask("Hi", nowhere), new RecordingSink()));

    assertFalse(failure.retryable());
    assertTrue(stub.received().isEmpty());
  }

  @Test
  void anErrorLineMidAnswerIsARetryableFailure() {
    dialect.rewriteNext(
        chunks -> {
          List<String> broken = new ArrayList<>(chunks.subList(0, 2));
          broken.add(
              OllamaDialect.errorLine("llama runner process has terminated: signal: killed"));
          return broken;
        });
    RecordingSink sink = new RecordingSink();

    ProviderException failure = failure(sink);

    assertTrue(failure.retryable());
    assertEquals(List.of("Hello", " from"), sink.tokens());
  }
}
