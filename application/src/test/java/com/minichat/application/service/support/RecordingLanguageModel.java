package com.minichat.application.service.support;

import com.minichat.application.port.out.ai.LanguageModel;
import com.minichat.application.port.out.ai.ModelReply;
import com.minichat.application.port.out.ai.ReplyRequest;
import com.minichat.application.port.out.ai.TokenSink;
import com.minichat.domain.common.UpstreamUnavailableException;
import com.minichat.domain.provider.ProviderType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A {@link LanguageModel} that records every request and answers as it is told. */
public final class RecordingLanguageModel implements LanguageModel {
  private final List<ReplyRequest> requests = new ArrayList<>();
  private Function<ReplyRequest, ModelReply> answer;

  private RecordingLanguageModel(Function<ReplyRequest, ModelReply> answer) {
    this.answer = answer;
  }

  /** Answers "echo: " followed by the question. */
  public static RecordingLanguageModel echoing() {
    return new RecordingLanguageModel(request -> reply("echo: " + request.question()));
  }

  /** Fails every request the way a provider outage does. */
  public static RecordingLanguageModel failingWith(UpstreamUnavailableException failure) {
    return new RecordingLanguageModel(
        request -> {
          throw failure;
        });
  }

  /** Changes how later requests are answered. */
  public synchronized void answerWith(Function<ReplyRequest, ModelReply> newAnswer) {
    this.answer = newAnswer;
  }

  /** An answer from the "recording" model, with token counts of the text's length. */
  public static ModelReply reply(String text) {
    return new ModelReply(text, ProviderType.OFFLINE, "recording", 10, text.length());
  }

  /** Streams the answer to the sink as one piece, then returns it. */
  @Override
  public synchronized ModelReply reply(ReplyRequest request, TokenSink sink) {
    requests.add(request);
    ModelReply reply = answer.apply(request);
    sink.token(reply.text());
    return reply;
  }

  /** Every request received, in order. */
  public synchronized List<ReplyRequest> requests() {
    return List.copyOf(requests);
  }

  /** The most recent request; fails when there was none. */
  public synchronized ReplyRequest lastRequest() {
    return requests.getLast();
  }
}
