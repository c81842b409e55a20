package com.minichat.adapters.mongo.audit;

import com.minichat.adapters.mongo.MongoTestTarget;
import com.minichat.application.port.out.audit.AuditLog;
import com.minichat.application.port.out.audit.AuditLogContractTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** The AuditLog contract on mongo-java-server and, when configured, on real MongoDB. */
class MongoAuditLogTest {
  @Nested
  class OnMongoJavaServer extends AuditLogContractTest {
    private final MongoTestTarget.Databases databases =
        new MongoTestTarget.Databases(MongoTestTarget.MEMORY);

    @Override
    protected AuditLog newAuditLog() {
      return new MongoAuditLog(databases.fresh());
    }

    @AfterEach
    void dropDatabases() {
      databases.dropAll();
    }
  }

  @Nested
  @EnabledIfEnvironmentVariable(named = MongoTestTarget.URI_VARIABLE, matches = ".+")
  class OnMongoDb extends AuditLogContractTest {
    private final MongoTestTarget.Databases databases =
        new MongoTestTarget.Databases(MongoTestTarget.EXTERNAL);

    @Override
    protected AuditLog newAuditLog() {
      return new MongoAuditLog(databases.fresh());
    }

    @AfterEach
    void dropDatabases() {
      databases.dropAll();
    }
  }
}
