package com.minichat.application.service.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ZonedClockViewTest {
  private static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");

  @Test
  void aTestClockSeenInAnotherZoneReadsTheSameInstantsAndFollowsAdvance() {
    TestClock utc = TestClock.fixedAt(Instant.parse("2026-11-26T20:00:00Z"));
    Clock bangkok = utc.withZone(BANGKOK);

    assertEquals(BANGKOK, bangkok.getZone());
    assertEquals(ZoneOffset.UTC, utc.getZone());
    assertEquals(utc.peek(), bangkok.instant());
    assertEquals(LocalDate.of(2026, 11, 27), LocalDate.now(bangkok), "03:00 in Bangkok");

    utc.advance(Duration.ofHours(1));
    assertEquals(Instant.parse("2026-11-26T21:00:00Z"), bangkok.instant());
    assertEquals(ZoneOffset.UTC, bangkok.withZone(ZoneOffset.UTC).getZone());
  }
}
