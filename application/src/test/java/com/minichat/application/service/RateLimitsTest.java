package com.minichat.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.minichat.application.port.out.ratelimit.RateLimit;
import com.minichat.application.service.support.ScriptedRateLimiter;
import com.minichat.domain.common.ErrorCode;
import com.minichat.domain.common.RateLimitedException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateLimitsTest {
  private static final RateLimit LIMIT = new RateLimit("login", 5, Duration.ofMinutes(15));

  @Test
  void anAllowedPermitPasses() {
    ScriptedRateLimiter limiter = ScriptedRateLimiter.allowingEverything();

    RateLimits.enforce(limiter, LIMIT, "203.0.113.9", "Too many");

    assertEquals(
        List.of(new ScriptedRateLimiter.Request(LIMIT, "203.0.113.9")), limiter.requests());
  }

  @Test
  void aRefusedPermitThrowsWithTheRetryTimeAndTheLimit() {
    ScriptedRateLimiter limiter = ScriptedRateLimiter.refusingEverything(Duration.ofSeconds(42));

    RateLimitedException thrown =
        assertThrows(
            RateLimitedException.class,
            () -> RateLimits.enforce(limiter, LIMIT, "203.0.113.9", "Too many sign-in attempts"));

    assertEquals("Too many sign-in attempts", thrown.getMessage());
    assertEquals(Duration.ofSeconds(42), thrown.retryAfter());
    assertEquals(5, thrown.limit());
    assertEquals(ErrorCode.RATE_LIMITED, thrown.code());
  }
}
