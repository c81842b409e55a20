package com.minichat.application.port.out.ai;

/**
 * Produces the bot's answer to a visitor. Implementations throw {@link
 * com.minichat.domain.common.UpstreamUnavailableException} when the provider fails.
 */
public interface LanguageModel {
  ModelReply reply(ReplyRequest request);
}
