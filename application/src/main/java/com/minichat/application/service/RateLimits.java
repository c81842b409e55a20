package com.minichat.application.service;

import com.minichat.application.port.out.ratelimit.RateLimit;
import com.minichat.application.port.out.ratelimit.RateLimitDecision;
import com.minichat.application.port.out.ratelimit.RateLimiter;
import com.minichat.domain.common.RateLimitedException;

/** Turns a refused rate-limit permit into the domain's {@link RateLimitedException}. */
public final class RateLimits {
  private RateLimits() {}

  /** Takes a permit of {@code limit} for {@code key} or throws with {@code message}. */
  public static void enforce(RateLimiter limiter, RateLimit limit, String key, String message) {
    RateLimitDecision decision = limiter.tryAcquire(limit, key);
    if (!decision.allowed()) {
      throw new RateLimitedException(message, decision.retryAfter(), decision.limit());
    }
  }
}
