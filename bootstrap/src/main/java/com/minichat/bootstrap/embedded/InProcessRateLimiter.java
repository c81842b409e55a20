package com.minichat.bootstrap.embedded;

import com.minichat.application.port.out.ratelimit.RateLimit;
import com.minichat.application.port.out.ratelimit.RateLimitDecision;
import com.minichat.application.port.out.ratelimit.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fixed-window rate limiting in memory, for a single instance (the embedded default). Windows that
 * have ended are dropped as keys are touched so memory stays bounded by the active keys.
 */
public final class InProcessRateLimiter implements RateLimiter {
  private static final int SWEEP_EVERY = 1024;

  private final Clock clock;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();
  private final AtomicInteger calls = new AtomicInteger();

  public InProcessRateLimiter(Clock clock) {
    this.clock = clock;
  }

  private record Window(Instant end, int used) {}

  @Override
  public RateLimitDecision tryAcquire(RateLimit limit, String key) {
    Instant now = clock.instant();
    sweepOccasionally(now);
    Window window =
        windows.compute(
            limit.name() + ":" + key,
            (ignored, current) -> {
              if (current == null || !now.isBefore(current.end())) {
                return new Window(now.plus(limit.window()), 1);
              }
              return new Window(current.end(), current.used() + 1);
            });
    Duration untilWindowEnds = Duration.between(now, window.end());
    if (window.used() <= limit.permits()) {
      return new RateLimitDecision(
          true, limit.permits(), limit.permits() - window.used(), Duration.ZERO, untilWindowEnds);
    }
    return new RateLimitDecision(false, limit.permits(), 0, untilWindowEnds, untilWindowEnds);
  }

  private void sweepOccasionally(Instant now) {
    if (calls.incrementAndGet() % SWEEP_EVERY == 0) {
      windows.values().removeIf(window -> !now.isBefore(window.end()));
    }
  }
}
