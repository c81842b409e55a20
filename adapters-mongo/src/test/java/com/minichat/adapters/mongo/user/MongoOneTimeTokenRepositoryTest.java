package com.minichat.adapters.mongo.user;

import com.minichat.adapters.mongo.MongoTestTarget;
import com.minichat.application.port.out.user.OneTimeTokenRepository;
import com.minichat.application.port.out.user.OneTimeTokenRepositoryContractTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The OneTimeTokenRepository contract on mongo-java-server and, when configured, on real MongoDB.
 */
class MongoOneTimeTokenRepositoryTest {
  @Nested
  class OnMongoJavaServer extends OneTimeTokenRepositoryContractTest {
    private final MongoTestTarget.Databases databases =
        new MongoTestTarget.Databases(MongoTestTarget.MEMORY);

    @Override
    protected OneTimeTokenRepository newRepository() {
      return new MongoOneTimeTokenRepository(databases.fresh());
    }

    @AfterEach
    void dropDatabases() {
      databases.dropAll();
    }
  }

  @Nested
  @EnabledIfEnvironmentVariable(named = MongoTestTarget.URI_VARIABLE, matches = ".+")
  class OnMongoDb extends OneTimeTokenRepositoryContractTest {
    private final MongoTestTarget.Databases databases =
        new MongoTestTarget.Databases(MongoTestTarget.EXTERNAL);

    @Override
    protected OneTimeTokenRepository newRepository() {
      return new MongoOneTimeTokenRepository(databases.fresh());
    }

    @AfterEach
    void dropDatabases() {
      databases.dropAll();
    }
  }
}
