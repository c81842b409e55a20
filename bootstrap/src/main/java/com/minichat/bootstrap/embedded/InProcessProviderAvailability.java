package com.minichat.bootstrap.embedded;

import com.minichat.application.port.out.ai.ProviderAvailability;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Provider availability in memory, for a single instance (the embedded default). */
public final class InProcessProviderAvailability implements ProviderAvailability {
  private final Clock clock;
  private final Map<String, Instant> downUntil = new ConcurrentHashMap<>();

  public InProcessProviderAvailability(Clock clock) {
    this.clock = clock;
  }

  @Override
  public boolean isDown(String healthKey) {
    Instant until = downUntil.get(healthKey);
    if (until == null) {
      return false;
    }
    if (clock.instant().isBefore(until)) {
      return true;
    }
    downUntil.remove(healthKey, until);
    return false;
  }

  @Override
  public void markDown(String healthKey, Duration duration) {
    downUntil.put(healthKey, clock.instant().plus(duration));
  }
}
