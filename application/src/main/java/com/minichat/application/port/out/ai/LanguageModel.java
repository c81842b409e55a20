package com.minichat.application.port.out.ai;

/**
 * Produces the bot's answer to a visitor from the request's provider chain: the first provider that
 * answers wins, and the visitor gets exactly one answer. Implementations throw {@link
 * com.minichat.domain.common.UpstreamUnavailableException} when no provider could answer.
 */
public interface LanguageModel {
  /**
   * Answers {@code request}, handing each piece of the answer to {@code sink} as it arrives.
   *
   * @return the complete answer, with the provider, model and token counts that produced it
   */
  ModelReply reply(ReplyRequest request, TokenSink sink);
}
