package com.minichat.application.port.out.ratelimit;

/**
 * Counts actions per key against a {@link RateLimit}. With several instances the count must be
 * shared (Redis); the in-process implementation serves a single instance.
 */
public interface RateLimiter {
  /** Takes one permit for {@code key} under {@code limit} if one is left. */
  RateLimitDecision tryAcquire(RateLimit limit, String key);
}
