package com.minichat.application.port.out.ai;

import java.time.Duration;

/**
 * Which providers are believed down, shared by every instance so that one instance's discovery
 * spares the others the wait. Keys are {@link ProviderEndpoint#healthKey()}s.
 */
public interface ProviderAvailability {
  /** Whether {@code healthKey} was marked down and the mark has not yet expired. */
  boolean isDown(String healthKey);

  /** Marks {@code healthKey} down for {@code duration}; a later mark replaces an earlier one. */
  void markDown(String healthKey, Duration duration);
}
