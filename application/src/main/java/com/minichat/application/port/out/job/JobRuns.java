package com.minichat.application.port.out.job;

import java.time.Instant;

/**
 * Makes a periodic job run once per period across all instances: the first instance to claim a
 * period runs it, every other claim of the same period is refused. Claims survive restarts.
 */
public interface JobRuns {
  /**
   * Claims {@code period} (e.g. a date) of {@code job}.
   *
   * @return {@code true} for the one caller that should run it
   */
  boolean claim(String job, String period, Instant at);
}
