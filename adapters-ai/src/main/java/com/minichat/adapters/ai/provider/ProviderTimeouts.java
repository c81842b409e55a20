package com.minichat.adapters.ai.provider;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a provider may take.
 *
 * @param connect to open the connection
 * @param firstByte from sending the request to the response headers
 * @param stall the longest silence allowed in the middle of a streamed answer
 */
public record ProviderTimeouts(Duration connect, Duration firstByte, Duration stall) {
  /** Timeouts for hosted providers over the internet. */
  public static final ProviderTimeouts DEFAULTS =
      new ProviderTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(20));

  public ProviderTimeouts {
    Objects.requireNonNull(connect, "connect");
    Objects.requireNonNull(firstByte, "firstByte");
    Objects.requireNonNull(stall, "stall");
  }
}
