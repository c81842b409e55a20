package com.minichat.adapters.ai.provider;

import java.time.Duration;

/**
 * How long a provider may take.
 *
 * @param connect to open the connection
 * @param firstByte from sending the request to the response headers
 * @param stall the longest silence allowed in the middle of a streamed answer
 * @param total the longest a whole answer may take, however lively the stream (keep-alive pings
 *     reset the stall timer but not this one)
 */
public record ProviderTimeouts(
    Duration connect, Duration firstByte, Duration stall, Duration total) {
  /** Refuses missing, zero or negative durations. */
  public ProviderTimeouts {
    for (Duration duration : new Duration[] {connect, firstByte, stall, total}) {
      if (duration == null || duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException("provider timeouts must be positive: " + duration);
      }
    }
  }

  /** A duration for messages: {@code 300 ms} below a second, {@code 20 s} above. */
  static String describe(Duration duration) {
    return duration.compareTo(Duration.ofSeconds(1)) < 0
        ? duration.toMillis() + " ms"
        : duration.toSeconds() + " s";
  }
}
