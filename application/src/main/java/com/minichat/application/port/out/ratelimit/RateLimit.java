package com.minichat.application.port.out.ratelimit;

import java.time.Duration;

/**
 * A budget of {@code permits} actions per {@code window}.
 *
 * @param name short identifier of the budget, part of the storage key (e.g. {@code widget-message})
 */
public record RateLimit(String name, int permits, Duration window) {
  public RateLimit {
    if (permits < 1 || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("a rate limit needs permits >= 1 and a positive window");
    }
  }
}
