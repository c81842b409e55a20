package com.minichat.adapters.mongo.modelserver;

import com.minichat.adapters.mongo.MongoTestTarget;
import com.minichat.application.port.out.modelserver.ModelServerRepository;
import com.minichat.application.port.out.modelserver.ModelServerRepositoryContractTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** The ModelServerRepository contract on mongo-java-server and, when configured, on MongoDB. */
class MongoModelServerRepositoryTest {
  @Nested
  class OnMongoJavaServer extends ModelServerRepositoryContractTest {
    private final MongoTestTarget.Databases databases =
        new MongoTestTarget.Databases(MongoTestTarget.MEMORY);

    @Override
    protected ModelServerRepository newRepository() {
      return new MongoModelServerRepository(databases.fresh());
    }

    @AfterEach
    void dropDatabases() {
      databases.dropAll();
    }
  }

  @Nested
  @EnabledIfEnvironmentVariable(named = MongoTestTarget.URI_VARIABLE, matches = ".+")
  class OnMongoDb extends ModelServerRepositoryContractTest {
    private final MongoTestTarget.Databases databases =
        new MongoTestTarget.Databases(MongoTestTarget.EXTERNAL);

    @Override
    protected ModelServerRepository newRepository() {
      return new MongoModelServerRepository(databases.fresh());
    }

    @AfterEach
    void dropDatabases() {
      databases.dropAll();
    }
  }
}
