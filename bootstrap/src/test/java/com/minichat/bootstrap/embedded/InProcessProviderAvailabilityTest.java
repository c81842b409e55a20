package com.minichat.bootstrap.embedded;

import com.minichat.application.port.out.ai.ProviderAvailability;
import com.minichat.application.port.out.ai.ProviderAvailabilityContractTest;
import com.minichat.application.service.support.TestClock;
import java.time.Duration;
import java.time.Instant;

class InProcessProviderAvailabilityTest extends ProviderAvailabilityContractTest {
  private final TestClock clock = TestClock.fixedAt(Instant.parse("2026-11-26T10:00:00Z"));

  @Override
  protected ProviderAvailability newAvailability() {
    return new InProcessProviderAvailability(clock);
  }

  @Override
  protected void elapse(Duration duration) {
    clock.advance(duration);
  }
}
