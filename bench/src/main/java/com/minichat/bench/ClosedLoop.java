package com.minichat.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Runs a number of {@link SimulatedClient}s at once, each on its own virtual thread, through a
 * warm-up and then a measured phase.
 *
 * <p>A closed loop sends only as fast as answers come back, so when the server slows down the
 * clients slow down with it and the slowest moments are sampled less often than they happen
 * ("coordinated omission"): its percentiles are those of the calls made, a lower bound on what
 * visitors arriving at their own pace would see.
 */
final class ClosedLoop {
  private final TimedHttp http;
  private final Call direct;
  private final Supplier<Visitor> visitors;
  private long miniChatAnswers;

  /**
   * @param direct the call to the stub
   * @param visitors a new visitor for each client
   */
  ClosedLoop(TimedHttp http, Call direct, Supplier<Visitor> visitors) {
    this.http = http;
    this.direct = direct;
    this.visitors = visitors;
  }

  /**
   * What the clients recorded after the warm-up.
   *
   * @param cpu how busy the processors were meanwhile
   */
  record Measured(Samples samples, CpuUse cpu) {}

  /** Runs {@code clients} clients through the warm-up and the measured phase. */
  Measured run(int clients, Duration warmUp, Duration measured) throws InterruptedException {
    Samples warmUpSamples = new Samples();
    Samples measuredSamples = new Samples();
    long measureFrom = System.nanoTime() + warmUp.toNanos();
    long until = measureFrom + measured.toNanos();
    List<Future<Void>> running = new ArrayList<>();
    CpuUse cpu;
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < clients; i++) {
        SimulatedClient client = new SimulatedClient(http, direct, visitors.get());
        running.add(
            threads.submit(
                () -> {
                  client.run(measureFrom, until, warmUpSamples, measuredSamples);
                  return null;
                }));
      }
      cpu = CpuUse.between(measureFrom, until);
      for (Future<Void> client : running) {
        client.get();
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("a client failed", e.getCause());
    }
    miniChatAnswers +=
        warmUpSamples.succeeded(Route.MINICHAT) + measuredSamples.succeeded(Route.MINICHAT);
    return new Measured(measuredSamples, cpu);
  }

  /**
   * How many calls MiniChat answered in all runs so far, warm-ups included: MiniChat stored a
   * question and a reply for each, and the database's size shapes its latency.
   */
  long miniChatAnswers() {
    return miniChatAnswers;
  }
}
