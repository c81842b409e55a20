package com.minichat.bench;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The latencies of one phase, recorded by all its clients at once: one histogram per measure and
 * route, in microseconds with three significant digits, and the failed calls by reason.
 */
final class Samples {
  private static final int SIGNIFICANT_DIGITS = 3;

  private final Map<Measure, Map<Route, Histogram>> histograms = new EnumMap<>(Measure.class);
  private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();

  Samples() {
    for (Measure measure : Measure.values()) {
      Map<Route, Histogram> byRoute = new EnumMap<>(Route.class);
      for (Route route : Route.values()) {
        byRoute.put(route, new ConcurrentHistogram(SIGNIFICANT_DIGITS));
      }
      histograms.put(measure, byRoute);
    }
  }

  /** Records one successful call's latency. */
  void record(Measure measure, Route route, long nanos) {
    histograms
        .get(measure)
        .get(route)
        .recordValue(Math.max(1, TimeUnit.NANOSECONDS.toMicros(nanos)));
  }

  /** Counts one failed call. */
  void error(String reason) {
    errors.computeIfAbsent(reason, key -> new LongAdder()).increment();
  }

  /** A copy of what was recorded so far for {@code measure} and {@code route}, in microseconds. */
  Histogram histogram(Measure measure, Route route) {
    return histograms.get(measure).get(route).copy();
  }

  /** How many calls by {@code route} succeeded so far, of every measure. */
  long succeeded(Route route) {
    long count = 0;
    for (Map<Route, Histogram> byRoute : histograms.values()) {
      count += byRoute.get(route).getTotalCount();
    }
    return count;
  }

  /** The failed calls so far, by reason. */
  Map<String, Long> errors() {
    Map<String, Long> counts = new TreeMap<>();
    errors.forEach((reason, count) -> counts.put(reason, count.sum()));
    return counts;
  }
}
