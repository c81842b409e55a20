package com.minichat.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** The percentiles and differences the report is made of. */
class ComparisonTest {
  /** The histograms keep three significant digits: a value may read up to 0.1% high. */
  private static double tolerance(double ms) {
    return ms / 1000;
  }

  @Test
  void percentilesOfOneToOneHundredMilliseconds() {
    Summary summary = Summary.of(millis(0));

    assertEquals(100, summary.count());
    assertEquals(50, summary.p50Ms(), tolerance(50));
    assertEquals(99, summary.p99Ms(), tolerance(99));
    assertEquals(50.5, summary.meanMs(), tolerance(50.5));
    assertEquals(100, summary.maxMs(), tolerance(100));
  }

  @Test
  void whatMiniChatAddsIsTheDifferenceOfThePercentiles() {
    Comparison comparison = Comparison.of(Summary.of(millis(0)), Summary.of(millis(7)));

    assertEquals(7, comparison.addedP50Ms(), tolerance(57));
    assertEquals(7, comparison.addedP99Ms(), tolerance(106));
  }

  @Test
  void aSlowTailShowsInTheNinetyNinthPercentileOnly() {
    Histogram direct = millis(0);
    Histogram miniChat = millis(0);
    // two more calls each: as fast as the fastest, or 500 ms slower through MiniChat
    direct.recordValue(micros(100));
    direct.recordValue(micros(100));
    miniChat.recordValue(micros(600));
    miniChat.recordValue(micros(600));

    Comparison comparison = Comparison.of(Summary.of(direct), Summary.of(miniChat));

    assertEquals(102, comparison.direct().count());
    assertEquals(102, comparison.miniChat().count());
    assertEquals(0, comparison.addedP50Ms(), tolerance(51));
    assertEquals(500, comparison.addedP99Ms(), tolerance(600));
  }

  @Test
  void samplesRecordNanosecondsAsMicroseconds() {
    Samples samples = new Samples();
    samples.record(Measure.FIRST_TOKEN, Route.DIRECT, TimeUnit.MILLISECONDS.toNanos(42));
    samples.record(Measure.FIRST_TOKEN, Route.MINICHAT, 10);
    samples.error("MiniChat streaming: HTTP 429");
    samples.error("MiniChat streaming: HTTP 429");

    assertEquals(
        42,
        Summary.of(samples.histogram(Measure.FIRST_TOKEN, Route.DIRECT)).p50Ms(),
        tolerance(42));
    // shorter than a microsecond still counts as a call
    assertEquals(0.001, Summary.of(samples.histogram(Measure.FIRST_TOKEN, Route.MINICHAT)).p50Ms());
    assertEquals(1, samples.succeeded(Route.MINICHAT));
    assertEquals(2, samples.errors().get("MiniChat streaming: HTTP 429"));
  }

  @Test
  void noSuccessfulCallIsAnErrorRatherThanZeroLatency() {
    Samples samples = new Samples();

    assertThrows(
        IllegalArgumentException.class,
        () -> Summary.of(samples.histogram(Measure.NON_STREAMING, Route.MINICHAT)));
  }

  /** One call of each whole millisecond from 1 + offset to 100 + offset, in microseconds. */
  private static Histogram millis(int offset) {
    Histogram histogram = new Histogram(3);
    for (int ms = 1; ms <= 100; ms++) {
      histogram.recordValue(micros(ms + offset));
    }
    return histogram;
  }

  private static long micros(long ms) {
    return TimeUnit.MILLISECONDS.toMicros(ms);
  }
}
