package com.minichat.domain.common;

import java.time.Duration;

/** A rate limit was exceeded; the caller may retry after {@link #retryAfter()}. */
public final class RateLimitedException extends DomainException {
  private final Duration retryAfter;

  public RateLimitedException(String message, Duration retryAfter) {
    super(ErrorCode.RATE_LIMITED, message);
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
