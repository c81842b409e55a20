package com.minichat.application.port.out.ai;

import java.util.List;

/** A provider's moderation endpoint: whether a visitor's text breaks the provider's usage rules. */
public interface ModerationCheck {
  /**
   * The categories {@code text} is flagged for by {@code endpoint}'s moderation endpoint; empty
   * when it is fine.
   *
   * @throws com.minichat.domain.common.UpstreamUnavailableException when the endpoint does not
   *     answer
   */
  List<String> flagged(ProviderEndpoint endpoint, String text);
}
