package com.minichat.application.service.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock for tests, in UTC unless viewed in another zone, that moves only when told to ({@link
 * #advance}) and, when made with {@link #ticking}, by a fixed step after every reading.
 */
public final class TestClock extends Clock {
  private final Duration step;
  private Instant now;

  private TestClock(Instant start, Duration step) {
    this.now = start;
    this.step = step;
  }

  /** A clock that always reads {@code start} until {@link #advance} is called. */
  public static TestClock fixedAt(Instant start) {
    return new TestClock(start, Duration.ZERO);
  }

  /** A clock that reads {@code start} first and {@code step} later at every further reading. */
  public static TestClock ticking(Instant start, Duration step) {
    return new TestClock(start, step);
  }

  /** Moves the clock forward by {@code duration}. */
  public synchronized void advance(Duration duration) {
    now = now.plus(duration);
  }

  /** What the next {@link #instant()} will return, without moving a ticking clock. */
  public synchronized Instant peek() {
    return now;
  }

  @Override
  public synchronized Instant instant() {
    Instant reading = now;
    now = now.plus(step);
    return reading;
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
