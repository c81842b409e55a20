package com.minichat.adapters.ai.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.minichat.adapters.ai.provider.ProviderStub.Failure;
import com.minichat.application.port.out.ai.ProviderEndpoint;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How every streaming provider client fails, checked against a stub speaking its wire format: which
 * failures may be retried, that a key never shows in a message, and that a broken, stalled or
 * unfinished stream is reported. A client's own test extends this and adds what is particular to
 * its provider: the request's shape and how the answer and token counts are read.
 */
public abstract class ProviderClientContract {
  /** Short timeouts so that the stall and deadline tests take about a second. */
  public static final ProviderTimeouts FAST =
      new ProviderTimeouts(
          Duration.ofSeconds(2),
          Duration.ofSeconds(2),
          Duration.ofMillis(300),
          Duration.ofSeconds(1));

  /** Lets calls reach the stubs on the loopback address, and nothing else private. */
  public static final OutboundGuard LOCAL_STUBS = OutboundGuard.allowing(List.of("127.0.0.1"));

  /** The stub's format, whose next answer a test may rewrite. */
  protected final ScriptedDialect dialect;

  /** The provider's stand-in, fresh for every test. */
  protected final ProviderStub stub;

  /** The HTTP layer the client under test is built on. */
  protected final StreamingHttp http = new StreamingHttp(new ObjectMapper(), FAST, LOCAL_STUBS);

  /**
   * @param dialect the wire format of the provider the client speaks to
   */
  protected ProviderClientContract(ProviderStub.Dialect dialect) {
    this.dialect = new ScriptedDialect(dialect);
    this.stub = ProviderStub.start(this.dialect);
  }

  /** The client under test, built on {@link #http}. */
  protected final ProviderClient client() {
    return client(http);
  }

  /** The client under test, built on {@code http}. */
  protected abstract ProviderClient client(StreamingHttp http);

  /** The stub as the client's endpoint, with an API key so the tests can check it never leaks. */
  protected abstract ProviderEndpoint endpoint();

  @AfterEach
  void stop() {
    http.close();
    stub.close();
  }

  @Test
  void rateLimitsAndServerErrorsMayBeRetriedButARefusedKeyMayNot() {
    stub.failNext(Failure.STATUS_429, 1)
        .failNext(Failure.STATUS_500, 1)
        .failNext(Failure.STATUS_401, 1);

    assertTrue(failure(new RecordingSink()).retryable());
    assertTrue(failure(new RecordingSink()).retryable());
    ProviderException refused = failure(new RecordingSink());
    assertFalse(refused.retryable());
    assertTrue(refused.getMessage().contains("401"), refused.getMessage());
    String key = endpoint().apiKey();
    // neither half of the key either, so a partly masked key would be caught too
    for (String part :
        List.of(key.substring(0, key.length() / 2), key.substring(key.length() / 2))) {
      assertFalse(refused.getMessage().contains(part), refused.getMessage());
    }
  }

  @Test
  void aConnectionBrokenMidStreamIsARetryableFailureAfterSomeTokens() {
    stub.failNext(Failure.RESET_MID_STREAM, 1);
    RecordingSink sink = new RecordingSink();

    ProviderException failure = failure(sink);

    assertTrue(failure.retryable());
    assertTrue(failure.getMessage().contains("broke off"), failure.getMessage());
    assertFalse(sink.tokens().isEmpty(), "some text arrived before the break");
  }

  @Test
  void aConnectionBrokenBeforeTheFirstTokenIsRetryable() {
    stub.failNext(Failure.RESET_BEFORE_FIRST_TOKEN, 1);
    RecordingSink sink = new RecordingSink();

    ProviderException failure = failure(sink);

    assertTrue(failure.retryable());
    assertTrue(failure.getMessage().contains("broke off"), failure.getMessage());
    assertTrue(sink.tokens().isEmpty());
  }

  @Test
  void anAnswerThatKeepsTricklingFailsAtTheOverallDeadline() {
    // each chunk comes well within the stall timeout, but the whole answer takes too long
    stub.answer(Collections.nCopies(15, "word "), 10, 15).pace(Duration.ofMillis(100));

    ProviderException failure = failure(new RecordingSink());

    assertTrue(failure.retryable());
    assertTrue(failure.getMessage().contains("took longer than 1 s"), failure.getMessage());
    assertFalse(Thread.currentThread().isInterrupted(), "the watchdog's interrupt is cleared");
  }

  @Test
  void aStalledStreamFailsAfterTheStallTimeout() {
    stub.failNext(Failure.STALL_MID_STREAM, 1);
    long started = System.nanoTime();

    ProviderException failure = failure(new RecordingSink());

    assertTrue(failure.retryable());
    assertTrue(failure.getMessage().contains("silent"), failure.getMessage());
    assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(5)) < 0);
    assertFalse(Thread.currentThread().isInterrupted(), "the watchdog's interrupt is cleared");
    // the client still works afterwards
    assertEquals(
        stub.answerText(),
        client()
            .complete(endpoint(), TestRequests.ask("Hi", endpoint()), new RecordingSink())
            .text());
  }

  @Test
  void aPrivateAddressIsRefusedWithoutAnyRequestUnlessAllowed() {
    try (StreamingHttp strict =
        new StreamingHttp(new ObjectMapper(), FAST, OutboundGuard.allowing(List.of()))) {
      ProviderClient guarded = client(strict);

      ProviderException refused =
          assertThrows(
              ProviderException.class,
              () ->
                  guarded.complete(
                      endpoint(), TestRequests.ask("Hi", endpoint()), new RecordingSink()));

      assertFalse(refused.retryable());
      assertTrue(refused.getMessage().contains("OUTBOUND_ALLOW_PRIVATE"), refused.getMessage());
      assertTrue(stub.received().isEmpty());
    }
  }

  @Test
  void aStreamThatEndsWithoutItsEndMarkerIsARetryableFailure() {
    // every provider's last chunk is the one that says the answer is complete
    dialect.rewriteNext(chunks -> chunks.subList(0, chunks.size() - 1));
    RecordingSink sink = new RecordingSink();

    ProviderException failure = failure(sink);

    assertTrue(failure.retryable());
    assertTrue(failure.getMessage().contains("ended its answer early"), failure.getMessage());
    assertEquals(stub.answerText(), String.join("", sink.tokens()));
  }

  /**
   * Asks a first question, expecting the client to fail; the pieces it streamed go to {@code sink}.
   */
  protected final ProviderException failure(RecordingSink sink) {
    return assertThrows(
        ProviderException.class,
        () -> client().complete(endpoint(), TestRequests.ask("Hi", endpoint()), sink));
  }

  /** The {@code role} of every message (or content) of a request, in order. */
  protected static List<String> roles(JsonNode messages) {
    return StreamSupport.stream(messages.spliterator(), false)
        .map(message -> message.path("role").asText())
        .toList();
  }

  /** Checks that a system prompt has the test shop's persona and its FAQ answer. */
  protected static void assertPersonaAndFaq(String system) {
    assertTrue(system.contains("Speak like a friendly barista."), system);
    assertTrue(system.contains("Every day 8:00-18:00."), system);
  }
}
