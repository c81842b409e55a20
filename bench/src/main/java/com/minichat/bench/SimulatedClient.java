package com.minichat.bench;

import java.io.IOException;

/**
 * One client in a closed loop: it sends its next call as soon as the previous one is answered. Each
 * round is two pairs, each a call to the stub and the same kind of call through MiniChat: the
 * non-streaming pair times whole answers, the streaming pair the first piece of text. Calls to the
 * stub and to MiniChat alternate, and which of a pair goes first alternates from round to round, so
 * that any drift of the machine and any effect of going first fall on both routes alike.
 */
final class SimulatedClient {
  private final TimedHttp http;
  private final Call direct;
  private final Visitor visitor;

  /**
   * @param direct the call to the stub, the same for both pairs
   * @param visitor the client's widget visitor, who calls MiniChat
   */
  SimulatedClient(TimedHttp http, Call direct, Visitor visitor) {
    this.http = http;
    this.direct = direct;
    this.visitor = visitor;
  }

  /**
   * Runs rounds until {@code until}: a round that starts before {@code measureFrom} is recorded
   * into {@code warmUp}, a later one into {@code measured}; times are {@link System#nanoTime()}.
   */
  void run(long measureFrom, long until, Samples warmUp, Samples measured)
      throws IOException, InterruptedException {
    for (long round = 0; System.nanoTime() - until < 0; round++) {
      Samples samples = System.nanoTime() - measureFrom < 0 ? warmUp : measured;
      boolean directFirst = round % 2 == 0;
      pair(samples, Measure.NON_STREAMING, directFirst, visitor.json());
      pair(samples, Measure.FIRST_TOKEN, directFirst, visitor.stream());
    }
  }

  private void pair(Samples samples, Measure measure, boolean directFirst, Call miniChat)
      throws InterruptedException {
    measure(samples, measure, directFirst ? direct : miniChat);
    measure(samples, measure, directFirst ? miniChat : direct);
  }

  private void measure(Samples samples, Measure measure, Call call) throws InterruptedException {
    Timing timing;
    try {
      timing = http.send(call);
    } catch (CallFailedException e) {
      samples.error(e.getMessage());
      return;
    }
    long nanos = measure == Measure.NON_STREAMING ? timing.totalNanos() : timing.firstTokenNanos();
    if (nanos < 0) {
      samples.error(call.name() + ": no text");
      return;
    }
    samples.record(measure, call.route(), nanos);
  }
}
