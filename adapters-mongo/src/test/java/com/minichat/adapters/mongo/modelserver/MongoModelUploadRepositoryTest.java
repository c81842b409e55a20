package com.minichat.adapters.mongo.modelserver;

import com.minichat.adapters.mongo.MongoTestTarget;
import com.minichat.application.port.out.modelserver.ModelUploadRepository;
import com.minichat.application.port.out.modelserver.ModelUploadRepositoryContractTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** The ModelUploadRepository contract on mongo-java-server and, when configured, on MongoDB. */
class MongoModelUploadRepositoryTest {
  @Nested
  class OnMongoJavaServer extends ModelUploadRepositoryContractTest {
    private final MongoTestTarget.Databases databases =
        new MongoTestTarget.Databases(MongoTestTarget.MEMORY);

    @Override
    protected ModelUploadRepository newRepository() {
      return new MongoModelUploadRepository(databases.fresh());
    }

    @AfterEach
    void dropDatabases() {
      databases.dropAll();
    }
  }

  @Nested
  @EnabledIfEnvironmentVariable(named = MongoTestTarget.URI_VARIABLE, matches = ".+")
  class OnMongoDb extends ModelUploadRepositoryContractTest {
    private final MongoTestTarget.Databases databases =
        new MongoTestTarget.Databases(MongoTestTarget.EXTERNAL);

    @Override
    protected ModelUploadRepository newRepository() {
      return new MongoModelUploadRepository(databases.fresh());
    }

    @AfterEach
    void dropDatabases() {
      databases.dropAll();
    }
  }
}
