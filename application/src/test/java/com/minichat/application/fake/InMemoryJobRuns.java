package com.minichat.application.fake;

import com.minichat.application.port.out.job.JobRuns;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/** Thread-safe in-memory {@link JobRuns}. */
public final class InMemoryJobRuns implements JobRuns {
  private final Set<String> claimed = new HashSet<>();

  @Override
  public synchronized boolean claim(String job, String period, Instant at) {
    return claimed.add(job + "|" + period);
  }
}
