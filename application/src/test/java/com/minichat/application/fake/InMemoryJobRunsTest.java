package com.minichat.application.fake;

import com.minichat.application.port.out.job.JobRuns;
import com.minichat.application.port.out.job.JobRunsContractTest;

class InMemoryJobRunsTest extends JobRunsContractTest {
  @Override
  protected JobRuns newJobRuns() {
    return new InMemoryJobRuns();
  }
}
