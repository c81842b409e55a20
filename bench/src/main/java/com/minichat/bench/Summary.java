package com.minichat.bench;

import org.HdrHistogram.Histogram;

/**
 * The latency of one series of calls, in milliseconds.
 *
 * @param count how many calls were measured
 */
record Summary(long count, double p50Ms, double p99Ms, double meanMs, double maxMs) {
  /**
   * Summarises a histogram of microseconds.
   *
   * @throws IllegalArgumentException when it holds no value, since percentiles of nothing would
   *     read as zero latency
   */
  static Summary of(Histogram micros) {
    if (micros.getTotalCount() == 0) {
      throw new IllegalArgumentException("no call of this series succeeded");
    }
    return new Summary(
        micros.getTotalCount(),
        millis(micros.getValueAtPercentile(50)),
        millis(micros.getValueAtPercentile(99)),
        round(micros.getMean() / 1000),
        millis(micros.getMaxValue()));
  }

  /** Rounds to whole microseconds, the histograms' unit. */
  static double round(double millis) {
    return Math.round(millis * 1000) / 1000.0;
  }

  private static double millis(long micros) {
    return micros / 1000.0;
  }
}
