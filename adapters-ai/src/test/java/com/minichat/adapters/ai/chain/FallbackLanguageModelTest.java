package com.minichat.adapters.ai.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.minichat.adapters.ai.offline.OfflineLanguageModel;
import com.minichat.adapters.ai.openai.OpenAiClient;
import com.minichat.adapters.ai.openai.OpenAiDialect;
import com.minichat.adapters.ai.provider.ProviderClientContract;
import com.minichat.adapters.ai.provider.ProviderStub;
import com.minichat.adapters.ai.provider.ProviderStub.Failure;
import com.minichat.adapters.ai.provider.RecordingSink;
import com.minichat.adapters.ai.provider.StreamingHttp;
import com.minichat.adapters.ai.provider.TestRequests;
import com.minichat.application.port.out.ai.ModelReply;
import com.minichat.application.port.out.ai.ProviderAvailability;
import com.minichat.application.port.out.ai.ProviderEndpoint;
import com.minichat.application.port.out.ai.ReplyRequest;
import com.minichat.domain.common.UpstreamUnavailableException;
import com.minichat.domain.provider.ProviderType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FallbackLanguageModelTest {
  /** One retry, almost no backoff, breakers that stay closed unless a test says otherwise. */
  private static final FallbackSettings QUICK =
      new FallbackSettings(
          1,
          Duration.ofMillis(1),
          Duration.ofMillis(2),
          1000,
          Duration.ofMinutes(1),
          Duration.ofMinutes(5));

  private final ProviderStub primary =
      ProviderStub.start(new OpenAiDialect("/v1/chat/completions"));
  private final ProviderStub secondary =
      ProviderStub.start(new OpenAiDialect("/v1/chat/completions"))
          .answer(List.of("ตอบ", "จาก", "สำรอง"), 20, 3);
  private final StreamingHttp http =
      new StreamingHttp(
          new ObjectMapper(), ProviderClientContract.FAST, ProviderClientContract.LOCAL_STUBS);
  private final ProviderAvailability availability = mock(ProviderAvailability.class);

  private final ProviderEndpoint first =
      new ProviderEndpoint(
          ProviderType.OPENAI, "gpt-4o-mini", primary.baseUrl() + "/v1", "sk-primary-0001");
  private final ProviderEndpoint second =
      new ProviderEndpoint(
          ProviderType.OPENAI_COMPATIBLE, "llama-3.1-8b", secondary.baseUrl() + "/v1", null);

  @AfterEach
  void stop() {
    http.close();
    primary.close();
    secondary.close();
  }

  private FallbackLanguageModel chain(FallbackSettings settings) {
    return new FallbackLanguageModel(
        List.of(
            new OpenAiClient(http, ProviderType.OPENAI),
            new OpenAiClient(http, ProviderType.OPENAI_COMPATIBLE),
            new OfflineLanguageModel()),
        availability,
        settings);
  }

  private ReplyRequest ask(ProviderEndpoint... providers) {
    return new ReplyRequest(TestRequests.shop(), List.of(), "เปิดกี่โมง", List.of(providers));
  }

  @Test
  void theFirstProviderAnswersWhenItIsWell() {
    RecordingSink sink = new RecordingSink();

    ModelReply reply = chain(QUICK).reply(ask(first, second), sink);

    assertEquals(primary.answerText(), reply.text());
    assertEquals(ProviderType.OPENAI, reply.provider());
    assertEquals(0, sink.restarts());
    assertTrue(secondary.received().isEmpty());
  }

  @Test
  void aPassingFailureIsRetriedOnTheSameProvider() {
    primary.failNext(Failure.STATUS_429, 1);

    ModelReply reply = chain(QUICK).reply(ask(first, second), new RecordingSink());

    assertEquals(ProviderType.OPENAI, reply.provider());
    assertEquals(2, primary.received().size());
    assertTrue(secondary.received().isEmpty());
  }

  @Test
  void aRefusedKeyIsNotRetriedAndTheNextProviderAnswers() {
    primary.failAlways(Failure.STATUS_401);

    ModelReply reply = chain(QUICK).reply(ask(first, second), new RecordingSink());

    assertEquals(secondary.answerText(), reply.text());
    assertEquals(1, primary.received().size());
  }

  @Test
  void aStreamBrokenMidAnswerIsVoidedAndTheNextProviderAnswersWhole() {
    primary.failAlways(Failure.RESET_MID_STREAM);
    RecordingSink sink = new RecordingSink();

    ModelReply reply = chain(QUICK).reply(ask(first, second), sink);

    assertEquals("ตอบจากสำรอง", reply.text());
    assertEquals(List.of("ตอบ", "จาก", "สำรอง"), sink.tokens(), "only the final answer remains");
    assertEquals(2, sink.restarts(), "each broken attempt is voided");
    assertEquals(20, reply.inputTokens());
    assertEquals(3, reply.outputTokens());
  }

  @Test
  void withAFailingPrimaryEveryOneOf200MessagesGetsExactlyOneCompleteReply() {
    Failure[] modes = {
      Failure.STATUS_429,
      Failure.STATUS_500,
      Failure.RESET_BEFORE_FIRST_TOKEN,
      Failure.RESET_MID_STREAM
    };
    FallbackLanguageModel chain = chain(QUICK);
    for (int i = 0; i < 200; i++) {
      primary.failNext(modes[i % modes.length], 2);
      RecordingSink sink = new RecordingSink();

      ModelReply reply = chain.reply(ask(first, second), sink);

      assertEquals(secondary.answerText(), reply.text(), "message " + i);
      assertEquals(ProviderType.OPENAI_COMPATIBLE, reply.provider(), "message " + i);
      assertEquals(secondary.answerText(), String.join("", sink.tokens()), "message " + i);
    }
    assertEquals(200, secondary.received().size());
  }

  @Test
  void aStalledPrimaryGivesWayToTheNextProvider() {
    primary.failAlways(Failure.STALL_BEFORE_FIRST_TOKEN);

    ModelReply reply = chain(QUICK).reply(ask(first, second), new RecordingSink());

    assertEquals(secondary.answerText(), reply.text());
  }

  @Test
  void aBreakerThatOpensMarksTheProviderDownForEveryInstanceAndStopsCallingIt() {
    primary.failAlways(Failure.STATUS_500);
    FallbackSettings opensAfterTwo =
        new FallbackSettings(
            0,
            Duration.ofMillis(1),
            Duration.ofMillis(2),
            2,
            Duration.ofMinutes(1),
            Duration.ofMinutes(5));
    FallbackLanguageModel chain = chain(opensAfterTwo);

    for (int i = 0; i < 5; i++) {
      assertEquals(
          secondary.answerText(), chain.reply(ask(first, second), new RecordingSink()).text());
    }

    verify(availability).markDown(first.healthKey(), Duration.ofMinutes(5));
    assertEquals(2, primary.received().size(), "an open breaker refuses calls");
  }

  @Test
  void aProviderMarkedDownElsewhereIsAskedOnlyAfterTheOthers() {
    when(availability.isDown(first.healthKey())).thenReturn(true);

    ModelReply reply = chain(QUICK).reply(ask(first, second), new RecordingSink());

    assertEquals(ProviderType.OPENAI_COMPATIBLE, reply.provider());
    assertTrue(primary.received().isEmpty());
  }

  @Test
  void aProviderMarkedDownIsStillTriedWhenNothingElseIsLeft() {
    when(availability.isDown(anyString())).thenReturn(true);

    ModelReply reply = chain(QUICK).reply(ask(first), new RecordingSink());

    assertEquals(primary.answerText(), reply.text());
    verify(availability, never()).markDown(anyString(), any());
  }

  @Test
  void whenEveryProviderFailsTheVisitorGetsUpstreamUnavailableWithoutSecrets() {
    primary.failAlways(Failure.STATUS_500);
    secondary.failAlways(Failure.STATUS_429);

    UpstreamUnavailableException failure =
        assertThrows(
            UpstreamUnavailableException.class,
            () -> chain(QUICK).reply(ask(first, second), new RecordingSink()));

    assertFalse(failure.getMessage().contains("sk-primary"), failure.getMessage());
    assertEquals(2, primary.received().size());
    assertEquals(2, secondary.received().size());
  }

  @Test
  void theOfflineAnswererCanCloseTheChain() {
    primary.failAlways(Failure.STATUS_500);

    ModelReply reply =
        chain(QUICK).reply(ask(first, ProviderEndpoint.offline()), new RecordingSink());

    assertEquals(ProviderType.OFFLINE, reply.provider());
  }
}
