package com.minichat.bench;

import java.time.Duration;
import java.util.Map;

/**
 * The measured phase of one concurrency level.
 *
 * @param clients how many clients sent requests at once
 * @param measuredSeconds how long the measured phase ran
 * @param miniChatRequestsPerSecond successful calls to MiniChat per second, both kinds together
 * @param storedMessages messages in the database when the level ended, counted as a question and a
 *     reply for every call MiniChat answered since the start, warm-ups included (it grows during
 *     the run, and reading a conversation's recent messages takes longer as it does on the embedded
 *     database)
 * @param cpu how busy the processors were while measured
 * @param errors failed calls by reason; their times are in no histogram
 * @param nonStreaming the whole answer, stub versus MiniChat's JSON answer
 * @param firstToken the first piece of text, stub versus MiniChat's first {@code token} event
 */
record LevelResult(
    int clients,
    double measuredSeconds,
    double miniChatRequestsPerSecond,
    long storedMessages,
    CpuUse cpu,
    Map<String, Long> errors,
    Comparison nonStreaming,
    Comparison firstToken) {

  /**
   * Summarises what the clients of one level recorded while measured.
   *
   * @param miniChatAnswers the calls MiniChat answered since the start of the run
   */
  static LevelResult of(
      int clients, Duration measured, ClosedLoop.Measured run, long miniChatAnswers) {
    Samples samples = run.samples();
    Comparison nonStreaming = compare(samples, Measure.NON_STREAMING);
    Comparison firstToken = compare(samples, Measure.FIRST_TOKEN);
    double seconds = measured.toMillis() / 1000.0;
    return new LevelResult(
        clients,
        seconds,
        Math.round(samples.succeeded(Route.MINICHAT) / seconds * 10) / 10.0,
        2 * miniChatAnswers,
        run.cpu(),
        samples.errors(),
        nonStreaming,
        firstToken);
  }

  /** The comparison of {@code measure}. */
  Comparison of(Measure measure) {
    return switch (measure) {
      case NON_STREAMING -> nonStreaming;
      case FIRST_TOKEN -> firstToken;
    };
  }

  private static Comparison compare(Samples samples, Measure measure) {
    try {
      return Comparison.of(
          Summary.of(samples.histogram(measure, Route.DIRECT)),
          Summary.of(samples.histogram(measure, Route.MINICHAT)));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          measure.label() + ": " + e.getMessage() + "; failed calls: " + samples.errors(), e);
    }
  }
}
