package com.minichat.application.service.support;

import com.minichat.application.port.out.ratelimit.RateLimit;
import com.minichat.application.port.out.ratelimit.RateLimitDecision;
import com.minichat.application.port.out.ratelimit.RateLimiter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A {@link RateLimiter} that allows or refuses everything and records what it was asked. */
public final class ScriptedRateLimiter implements RateLimiter {
  /** One call to {@link #tryAcquire}. */
  public record Request(RateLimit limit, String key) {}

  private final Duration refusedFor;
  private final List<Request> requests = new ArrayList<>();

  private ScriptedRateLimiter(Duration refusedFor) {
    this.refusedFor = refusedFor;
  }

  /** Grants every permit. */
  public static ScriptedRateLimiter allowingEverything() {
    return new ScriptedRateLimiter(null);
  }

  /** Refuses every permit, telling the caller to retry after {@code retryAfter}. */
  public static ScriptedRateLimiter refusingEverything(Duration retryAfter) {
    return new ScriptedRateLimiter(retryAfter);
  }

  @Override
  public synchronized RateLimitDecision tryAcquire(RateLimit limit, String key) {
    requests.add(new Request(limit, key));
    return refusedFor == null
        ? new RateLimitDecision(
            true, limit.permits(), limit.permits() - 1, Duration.ZERO, limit.window())
        : new RateLimitDecision(false, limit.permits(), 0, refusedFor, refusedFor);
  }

  /** Every call so far, in order. */
  public synchronized List<Request> requests() {
    return List.copyOf(requests);
  }
}
