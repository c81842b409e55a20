package com.minichat.bootstrap.embedded;

import com.minichat.application.port.out.ratelimit.RateLimiter;
import com.minichat.application.port.out.ratelimit.RateLimiterContractTest;
import java.time.Clock;

class InProcessRateLimiterTest extends RateLimiterContractTest {
  @Override
  protected RateLimiter newRateLimiter(Clock clock) {
    return new InProcessRateLimiter(clock);
  }
}
