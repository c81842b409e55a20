package com.minichat.application.port.out;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs one task on several threads released at the same moment, for the contract tests' races. */
public final class Race {
  private Race() {}

  /**
   * Runs {@code task} on {@code threads} platform threads that all wait for a common start signal,
   * and returns every outcome.
   */
  public static <T> List<T> run(int threads, Callable<T> task)
      throws InterruptedException, ExecutionException {
    CountDownLatch ready = new CountDownLatch(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<T>> futures = new ArrayList<>();
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    try {
      for (int i = 0; i < threads; i++) {
        futures.add(
            executor.submit(
                () -> {
                  ready.countDown();
                  start.await();
                  return task.call();
                }));
      }
      if (!ready.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("racers did not get ready");
      }
      start.countDown();
      List<T> outcomes = new ArrayList<>();
      for (Future<T> future : futures) {
        outcomes.add(future.get(60, TimeUnit.SECONDS));
      }
      return outcomes;
    } catch (TimeoutException e) {
      throw new IllegalStateException("a racer did not finish", e);
    } finally {
      executor.shutdownNow();
    }
  }
}
