package com.minichat.application.port.out.ratelimit;

import java.time.Duration;

/**
 * The outcome of asking for one permit.
 *
 * @param remaining permits left in the current window after this one
 * @param retryAfter when refused, how long until a permit is available; zero when allowed
 * @param reset how long until the whole budget is available again (for {@code RateLimit-Reset})
 */
public record RateLimitDecision(
    boolean allowed, int limit, int remaining, Duration retryAfter, Duration reset) {}
