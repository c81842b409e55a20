package com.minichat.bootstrap.e2e;

import com.minichat.application.service.support.ZonedClockView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The real time in millisecond ticks plus an offset that tests move forward, so that rules measured
 * in minutes or hours (lock durations, link lifetimes, token expiry, rate-limit windows, TOTP
 * steps) are checked without sleeping.
 */
final class MovableClock extends Clock {
  private final Clock base = Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
  private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

  /** Moves the time forward by {@code amount}. */
  void advance(Duration amount) {
    offset.updateAndGet(current -> current.plus(amount));
  }

  @Override
  public Instant instant() {
    return base.instant().plus(offset.get());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  /** This clock seen in {@code zone}: same readings, moved by {@link #advance} alike. */
  @Override
  public Clock withZone(ZoneId zone) {
    return new ZonedClockView(this, zone);
  }
}
