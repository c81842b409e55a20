package com.minichat.adapters.ai.chain;

import java.time.Duration;

/**
 * How hard the chain tries one provider before the next one answers.
 *
 * @param retries extra attempts on the same provider after a retryable failure
 * @param backoff the wait before the first retry; it doubles each time, with jitter
 * @param maxBackoff the longest wait between retries
 * @param breakerFailures consecutive failures that open a provider's circuit breaker
 * @param breakerDelay how long an open breaker refuses calls before letting one through
 * @param downFor how long a provider whose breaker opened is skipped by every instance
 */
public record FallbackSettings(
    int retries,
    Duration backoff,
    Duration maxBackoff,
    int breakerFailures,
    Duration breakerDelay,
    Duration downFor) {
  /** Two retries from 200 ms, breakers opening after 5 failures, providers down for 5 minutes. */
  public static final FallbackSettings DEFAULTS =
      new FallbackSettings(
          2,
          Duration.ofMillis(200),
          Duration.ofSeconds(2),
          5,
          Duration.ofSeconds(30),
          Duration.ofMinutes(5));
}
