package com.minichat.adapters.mongo.apikey;

import com.minichat.adapters.mongo.MongoTestTarget;
import com.minichat.application.port.out.apikey.ApiKeyRepository;
import com.minichat.application.port.out.apikey.ApiKeyRepositoryContractTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** The ApiKeyRepository contract on mongo-java-server and, when configured, on real MongoDB. */
class MongoApiKeyRepositoryTest {
  @Nested
  class OnMongoJavaServer extends ApiKeyRepositoryContractTest {
    private final MongoTestTarget.Databases databases =
        new MongoTestTarget.Databases(MongoTestTarget.MEMORY);

    @Override
    protected ApiKeyRepository newRepository() {
      return new MongoApiKeyRepository(databases.fresh());
    }

    @AfterEach
    void dropDatabases() {
      databases.dropAll();
    }
  }

  @Nested
  @EnabledIfEnvironmentVariable(named = MongoTestTarget.URI_VARIABLE, matches = ".+")
  class OnMongoDb extends ApiKeyRepositoryContractTest {
    private final MongoTestTarget.Databases databases =
        new MongoTestTarget.Databases(MongoTestTarget.EXTERNAL);

    @Override
    protected ApiKeyRepository newRepository() {
      return new MongoApiKeyRepository(databases.fresh());
    }

    @AfterEach
    void dropDatabases() {
      databases.dropAll();
    }
  }
}
