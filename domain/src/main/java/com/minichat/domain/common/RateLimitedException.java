package com.minichat.domain.common;

import java.time.Duration;

/** A rate limit was exceeded; the caller may retry after {@link #retryAfter()}. */
public final class RateLimitedException extends DomainException {
  private final Duration retryAfter;
  private final int limit;

  /**
   * @param limit how many requests the budget allows per window, for {@code RateLimit-Limit}
   */
  public RateLimitedException(String message, Duration retryAfter, int limit) {
    super(ErrorCode.RATE_LIMITED, message);
    this.retryAfter = retryAfter;
    this.limit = limit;
  }

  public int limit() {
    return limit;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
