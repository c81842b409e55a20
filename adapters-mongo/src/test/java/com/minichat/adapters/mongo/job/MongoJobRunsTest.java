package com.minichat.adapters.mongo.job;

import com.minichat.adapters.mongo.MongoTestTarget;
import com.minichat.application.port.out.job.JobRuns;
import com.minichat.application.port.out.job.JobRunsContractTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** The JobRuns contract on mongo-java-server and, when configured, on real MongoDB. */
class MongoJobRunsTest {
  @Nested
  class OnMongoJavaServer extends JobRunsContractTest {
    private final MongoTestTarget.Databases databases =
        new MongoTestTarget.Databases(MongoTestTarget.MEMORY);

    @Override
    protected JobRuns newJobRuns() {
      return new MongoJobRuns(databases.fresh());
    }

    @AfterEach
    void dropDatabases() {
      databases.dropAll();
    }
  }

  @Nested
  @EnabledIfEnvironmentVariable(named = MongoTestTarget.URI_VARIABLE, matches = ".+")
  class OnMongoDb extends JobRunsContractTest {
    private final MongoTestTarget.Databases databases =
        new MongoTestTarget.Databases(MongoTestTarget.EXTERNAL);

    @Override
    protected JobRuns newJobRuns() {
      return new MongoJobRuns(databases.fresh());
    }

    @AfterEach
    void dropDatabases() {
      databases.dropAll();
    }
  }
}
