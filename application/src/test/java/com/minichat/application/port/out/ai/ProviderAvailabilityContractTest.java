package com.minichat.application.port.out.ai;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ProviderAvailability} must do; adapters extend this with their store. */
public abstract class ProviderAvailabilityContractTest {
  private ProviderAvailability availability;

  /** A fresh adapter; called before every test. */
  protected abstract ProviderAvailability newAvailability();

  /** Lets {@code duration} pass for the adapter. */
  protected abstract void elapse(Duration duration);

  @BeforeEach
  void setUpAvailability() {
    availability = newAvailability();
  }

  /** A key no other test (nor another run against the same store) uses. */
  private static String uniqueKey() {
    return "openai|https://api.example.com/v1|gpt-4o-mini|" + UUID.randomUUID();
  }

  @Test
  void anUnknownProviderIsUp() {
    assertFalse(availability.isDown(uniqueKey()));
  }

  @Test
  void aProviderMarkedDownIsDownUntilTheMarkExpires() {
    String key = uniqueKey();
    String other = uniqueKey();

    availability.markDown(key, Duration.ofMillis(800));

    assertTrue(availability.isDown(key));
    assertFalse(availability.isDown(other), "only the marked provider is down");
    elapse(Duration.ofMillis(1200));
    assertFalse(availability.isDown(key));
  }

  @Test
  void aLaterMarkReplacesAnEarlierOne() {
    String key = uniqueKey();
    availability.markDown(key, Duration.ofMillis(800));

    availability.markDown(key, Duration.ofMinutes(5));
    elapse(Duration.ofMillis(1200));

    assertTrue(availability.isDown(key));
  }
}
