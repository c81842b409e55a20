package com.minichat.application.service.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A test clock seen in another time zone: it reads the same instants as its source (moving when the
 * source moves) and only reports another zone, as {@link Clock#withZone} requires.
 */
public final class ZonedClockView extends Clock {
  private final Clock source;
  private final ZoneId zone;

  /** The view of {@code source} in {@code zone}. */
  public ZonedClockView(Clock source, ZoneId zone) {
    this.source = Objects.requireNonNull(source, "source");
    this.zone = Objects.requireNonNull(zone, "zone");
  }

  @Override
  public Instant instant() {
    return source.instant();
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId newZone) {
    return new ZonedClockView(source, newZone);
  }
}
