package com.minichat.adapters.mongo.session;

import com.minichat.adapters.mongo.MongoTestTarget;
import com.minichat.application.port.out.session.RefreshTokenRepository;
import com.minichat.application.port.out.session.RefreshTokenRepositoryContractTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The RefreshTokenRepository contract on mongo-java-server and, when configured, on real MongoDB.
 */
class MongoRefreshTokenRepositoryTest {
  @Nested
  class OnMongoJavaServer extends RefreshTokenRepositoryContractTest {
    private final MongoTestTarget.Databases databases =
        new MongoTestTarget.Databases(MongoTestTarget.MEMORY);

    @Override
    protected RefreshTokenRepository newRepository() {
      return new MongoRefreshTokenRepository(databases.fresh());
    }

    @AfterEach
    void dropDatabases() {
      databases.dropAll();
    }
  }

  @Nested
  @EnabledIfEnvironmentVariable(named = MongoTestTarget.URI_VARIABLE, matches = ".+")
  class OnMongoDb extends RefreshTokenRepositoryContractTest {
    private final MongoTestTarget.Databases databases =
        new MongoTestTarget.Databases(MongoTestTarget.EXTERNAL);

    @Override
    protected RefreshTokenRepository newRepository() {
      return new MongoRefreshTokenRepository(databases.fresh());
    }

    @AfterEach
    void dropDatabases() {
      databases.dropAll();
    }
  }
}
