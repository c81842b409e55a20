package com.minichat.adapters.ai.provider;

import com.minichat.application.port.out.ai.ModelReply;
import com.minichat.application.port.out.ai.ProviderEndpoint;
import com.minichat.application.port.out.ai.ReplyRequest;
import com.minichat.application.port.out.ai.TokenSink;
import com.minichat.domain.provider.ProviderType;

/** Speaks one provider's wire protocol; the fallback chain decides which client answers. */
public interface ProviderClient {
  /** The provider type this client speaks for. */
  ProviderType type();

  /**
   * Asks {@code endpoint} for the answer to {@code request}, streaming: every piece of text goes to
   * {@code sink} as it arrives.
   *
   * @return the complete answer with the token counts the provider reported
   * @throws ProviderException when the provider fails, saying whether trying again may help
   */
  ModelReply complete(ProviderEndpoint endpoint, ReplyRequest request, TokenSink sink);
}
