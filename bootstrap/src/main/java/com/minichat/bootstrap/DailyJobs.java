package com.minichat.bootstrap;

import com.minichat.application.port.out.job.JobRuns;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs background jobs once per UTC day across all instances. Every instance checks each hour; the
 * first to claim the day in {@link JobRuns} runs the job, so a restart or a second instance never
 * runs it twice and a day missed while all instances were down is caught up at the next check. A
 * failing job is logged and retried the next day; it never stops the other jobs.
 */
public final class DailyJobs implements AutoCloseable {
  /** How often each instance checks whether a day's run is due. */
  static final Duration CHECK_EVERY = Duration.ofHours(1);

  /** Delay of the first check, so start-up is not slowed down by a job. */
  static final Duration FIRST_CHECK_AFTER = Duration.ofMinutes(1);

  private static final Logger LOG = LoggerFactory.getLogger(DailyJobs.class);

  private final JobRuns runs;
  private final Clock clock;
  private final Map<String, Runnable> jobs;
  private ScheduledExecutorService executor;

  /**
   * @param jobs each job by its unique name, which is also its claim key
   */
  DailyJobs(JobRuns runs, Clock clock, Map<String, Runnable> jobs) {
    this.runs = runs;
    this.clock = clock;
    this.jobs = Map.copyOf(jobs);
  }

  /** Starts the hourly checks on one daemon thread; returns itself to be closed on shutdown. */
  synchronized DailyJobs start() {
    executor =
        Executors.newSingleThreadScheduledExecutor(
            task -> Thread.ofPlatform().name("minichat-daily-jobs").daemon().unstarted(task));
    executor.scheduleWithFixedDelay(
        this::check, FIRST_CHECK_AFTER.toSeconds(), CHECK_EVERY.toSeconds(), TimeUnit.SECONDS);
    return this;
  }

  /** Runs every job whose current UTC day this instance can claim. */
  void check() {
    Instant now = clock.instant();
    String today = LocalDate.ofInstant(now, ZoneOffset.UTC).toString();
    jobs.forEach(
        (name, job) -> {
          try {
            if (runs.claim(name, today, now)) {
              job.run();
            }
          } catch (RuntimeException e) {
            LOG.error("daily job failed job={} day={}", name, today, e);
          }
        });
  }

  @Override
  public synchronized void close() {
    if (executor != null) {
      executor.shutdownNow();
    }
  }
}
