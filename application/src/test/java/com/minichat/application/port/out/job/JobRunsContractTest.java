package com.minichat.application.port.out.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link JobRuns} must do: one claim per job and period, even under a race. */
public abstract class JobRunsContractTest {
  private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

  private JobRuns runs;

  /** Claims that start empty. */
  protected abstract JobRuns newJobRuns();

  @BeforeEach
  void setUpRuns() {
    runs = newJobRuns();
  }

  @Test
  void aPeriodIsClaimedOnceAndOtherPeriodsAndJobsStayFree() {
    assertTrue(runs.claim("report", "2026-11-26", T0));
    assertFalse(runs.claim("report", "2026-11-26", T0.plusSeconds(60)));
    assertTrue(runs.claim("report", "2026-11-27", T0.plusSeconds(86_400)));
    assertTrue(runs.claim("cleanup", "2026-11-26", T0));
  }

  @Test
  void racingInstancesGetOneWinner() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Boolean>> claims = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        claims.add(() -> runs.claim("race", "2026-11-26", T0));
      }
      int winners = 0;
      for (Future<Boolean> claim : pool.invokeAll(claims)) {
        winners += claim.get() ? 1 : 0;
      }
      assertEquals(1, winners);
    } finally {
      pool.shutdownNow();
    }
  }
}
