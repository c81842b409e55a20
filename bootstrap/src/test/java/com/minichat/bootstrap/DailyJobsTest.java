package com.minichat.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.minichat.application.fake.InMemoryJobRuns;
import com.minichat.application.service.support.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DailyJobsTest {
  private final TestClock clock = TestClock.fixedAt(Instant.parse("2026-11-26T23:00:00Z"));
  private final InMemoryJobRuns runs = new InMemoryJobRuns();
  private final AtomicInteger warnings = new AtomicInteger();

  @Test
  void eachJobRunsOncePerUtcDayAcrossInstances() {
    DailyJobs first = new DailyJobs(runs, clock, Map.of("warn", warnings::incrementAndGet));
    DailyJobs second = new DailyJobs(runs, clock, Map.of("warn", warnings::incrementAndGet));

    first.check();
    second.check();
    clock.advance(Duration.ofMinutes(59));
    first.check();
    assertEquals(1, warnings.get(), "one run on 26 November, whichever instance checks");

    clock.advance(Duration.ofMinutes(1));
    second.check();
    first.check();
    assertEquals(2, warnings.get(), "one run on 27 November (UTC)");
  }

  @Test
  void aFailingJobDoesNotStopTheOthersAndIsRetriedTheNextDay() {
    AtomicInteger attempts = new AtomicInteger();
    DailyJobs jobs =
        new DailyJobs(
            runs,
            clock,
            Map.of(
                "broken",
                () -> {
                  attempts.incrementAndGet();
                  throw new IllegalStateException("mail server down");
                },
                "warn",
                warnings::incrementAndGet));

    jobs.check();
    jobs.check();
    assertEquals(1, attempts.get());
    assertEquals(1, warnings.get());

    clock.advance(Duration.ofDays(1));
    jobs.check();
    assertEquals(2, attempts.get());
    assertEquals(2, warnings.get());
  }

  @Test
  void closingBeforeOrAfterStartIsSafe() {
    new DailyJobs(runs, clock, Map.of()).close();
    DailyJobs started = new DailyJobs(runs, clock, Map.of("warn", warnings::incrementAndGet));
    started.start().close();

    assertEquals(0, warnings.get(), "the first check waits " + DailyJobs.FIRST_CHECK_AFTER);
  }
}
