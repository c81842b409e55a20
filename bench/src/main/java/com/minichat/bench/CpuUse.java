package com.minichat.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;

/**
 * How busy the machine's processors were during a phase, all processes together and this JVM (the
 * stub, MiniChat and the clients) alone, in percent of all processors. When the machine was much
 * busier than this JVM, other work competed with the benchmark and its figures are worse than the
 * machine can do.
 */
record CpuUse(double machinePercent, double benchmarkPercent) {
  private static final OperatingSystemMXBean OS =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  /**
   * Waits until {@code from} and then until {@code until} ({@link System#nanoTime()} values) and
   * returns the use between the two: the JDK reports the load since the previous reading.
   */
  static CpuUse between(long from, long until) throws InterruptedException {
    sleepUntil(from);
    OS.getCpuLoad();
    OS.getProcessCpuLoad();
    sleepUntil(until);
    return new CpuUse(percent(OS.getCpuLoad()), percent(OS.getProcessCpuLoad()));
  }

  private static void sleepUntil(long nanoTime) throws InterruptedException {
    long left = nanoTime - System.nanoTime();
    if (left > 0) {
      TimeUnit.NANOSECONDS.sleep(left);
    }
  }

  /** A load between 0 and 1 as a percentage to one decimal; a negative load means unknown. */
  private static double percent(double load) {
    return load < 0 ? -1 : Math.round(load * 1000) / 10.0;
  }
}
