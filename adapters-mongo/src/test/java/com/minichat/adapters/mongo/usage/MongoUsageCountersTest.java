package com.minichat.adapters.mongo.usage;

import com.minichat.adapters.mongo.MongoTestTarget;
import com.minichat.application.port.out.usage.UsageCounters;
import com.minichat.application.port.out.usage.UsageCountersContractTest;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** The UsageCounters contract on mongo-java-server and, when configured, on real MongoDB. */
class MongoUsageCountersTest {
  @Nested
  class OnMongoJavaServer extends UsageCountersContractTest {
    private final MongoTestTarget.Databases databases =
        new MongoTestTarget.Databases(MongoTestTarget.MEMORY);

    @Override
    protected UsageCounters newCounters() {
      return new MongoUsageCounters(databases.fresh(), Clock.systemUTC());
    }

    @AfterEach
    void dropDatabases() {
      databases.dropAll();
    }
  }

  @Nested
  @EnabledIfEnvironmentVariable(named = MongoTestTarget.URI_VARIABLE, matches = ".+")
  class OnMongoDb extends UsageCountersContractTest {
    private final MongoTestTarget.Databases databases =
        new MongoTestTarget.Databases(MongoTestTarget.EXTERNAL);

    @Override
    protected UsageCounters newCounters() {
      return new MongoUsageCounters(databases.fresh(), Clock.systemUTC());
    }

    @AfterEach
    void dropDatabases() {
      databases.dropAll();
    }
  }
}
