package com.minichat.adapters.ai.chain;

import com.minichat.adapters.ai.provider.ProviderClient;
import com.minichat.adapters.ai.provider.ProviderException;
import com.minichat.application.port.out.ai.LanguageModel;
import com.minichat.application.port.out.ai.ModelReply;
import com.minichat.application.port.out.ai.ProviderAvailability;
import com.minichat.application.port.out.ai.ProviderEndpoint;
import com.minichat.application.port.out.ai.ReplyRequest;
import com.minichat.application.port.out.ai.TokenSink;
import com.minichat.domain.common.UpstreamUnavailableException;
import com.minichat.domain.provider.ProviderType;
import dev.failsafe.CircuitBreaker;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workspace's provider chain: the first provider answers; on a timeout, 429, 5xx, broken or
 * stalled stream it is retried with exponential backoff and jitter, and when it keeps failing the
 * next provider answers from the beginning. Each provider (per server, model and key) has a circuit
 * breaker; when one opens, the provider is marked down for every instance through {@link
 * ProviderAvailability} and skipped until the mark expires, unless nothing else is left. The
 * visitor sees exactly one answer: pieces streamed by a provider that then failed are voided with
 * {@link TokenSink#restart()}.
 */
public final class FallbackLanguageModel implements LanguageModel {
  private static final Logger LOG = LoggerFactory.getLogger(FallbackLanguageModel.class);

  private final Map<ProviderType, ProviderClient> clients = new EnumMap<>(ProviderType.class);
  private final ProviderAvailability availability;
  private final FallbackSettings settings;
  private final RetryPolicy<ModelReply> retry;
  private final Map<String, CircuitBreaker<ModelReply>> breakers = new ConcurrentHashMap<>();

  /**
   * @param clients one client per provider type the chain may name
   */
  public FallbackLanguageModel(
      List<ProviderClient> clients, ProviderAvailability availability, FallbackSettings settings) {
    clients.forEach(client -> this.clients.put(client.type(), client));
    this.availability = availability;
    this.settings = settings;
    this.retry =
        RetryPolicy.<ModelReply>builder()
            .handleIf(failure -> failure instanceof ProviderException p && p.retryable())
            .withMaxRetries(settings.retries())
            .withBackoff(settings.backoff(), settings.maxBackoff())
            .withJitter(0.25)
            .build();
  }

  @Override
  public ModelReply reply(ReplyRequest request, TokenSink sink) {
    Attempts attempts = new Attempts(sink);
    RuntimeException last = null;
    for (ProviderEndpoint endpoint : inTurn(request.providers())) {
      ProviderClient client = clients.get(endpoint.type());
      if (client == null) {
        throw new IllegalStateException("no client for provider type " + endpoint.type());
      }
      try {
        return Failsafe.with(retry, breaker(endpoint))
            .get(
                () -> {
                  attempts.begin();
                  return client.complete(endpoint, request, attempts);
                });
      } catch (ProviderException | FailsafeException failure) {
        LOG.warn(
            "provider failed, trying the next one provider={} model={} reason={}",
            endpoint.type().wireName(),
            endpoint.model(),
            failure.getMessage());
        last = failure;
      }
    }
    throw new UpstreamUnavailableException(
        "The assistant cannot answer right now; please try again in a moment", last);
  }

  /** Providers believed up first, in chain order, then the ones believed down as a last resort. */
  private List<ProviderEndpoint> inTurn(List<ProviderEndpoint> chain) {
    List<ProviderEndpoint> up = new ArrayList<>();
    List<ProviderEndpoint> down = new ArrayList<>();
    for (ProviderEndpoint endpoint : chain) {
      (availability.isDown(endpoint.healthKey()) ? down : up).add(endpoint);
    }
    up.addAll(down);
    return up;
  }

  private CircuitBreaker<ModelReply> breaker(ProviderEndpoint endpoint) {
    return breakers.computeIfAbsent(
        endpoint.healthKey(),
        key ->
            CircuitBreaker.<ModelReply>builder()
                .handle(ProviderException.class)
                .withFailureThreshold(settings.breakerFailures())
                .withDelay(settings.breakerDelay())
                .onOpen(
                    event -> {
                      LOG.warn(
                          "provider marked down provider={} model={} for={}",
                          endpoint.type().wireName(),
                          endpoint.model(),
                          settings.downFor());
                      availability.markDown(key, settings.downFor());
                    })
                .build());
  }

  /** Passes pieces on, voiding those of a failed attempt before the next one starts. */
  private static final class Attempts implements TokenSink {
    private final TokenSink sink;
    private boolean streamed;

    Attempts(TokenSink sink) {
      this.sink = sink;
    }

    void begin() {
      if (streamed) {
        sink.restart();
        streamed = false;
      }
    }

    @Override
    public void token(String text) {
      streamed = true;
      sink.token(text);
    }
  }
}
