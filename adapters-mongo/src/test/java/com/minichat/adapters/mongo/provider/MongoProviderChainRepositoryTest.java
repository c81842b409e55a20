package com.minichat.adapters.mongo.provider;

import com.minichat.adapters.mongo.MongoTestTarget;
import com.minichat.application.port.out.provider.ProviderChainRepository;
import com.minichat.application.port.out.provider.ProviderChainRepositoryContractTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The ProviderChainRepository contract on mongo-java-server and, when configured, on real MongoDB.
 */
class MongoProviderChainRepositoryTest {
  @Nested
  class OnMongoJavaServer extends ProviderChainRepositoryContractTest {
    private final MongoTestTarget.Databases databases =
        new MongoTestTarget.Databases(MongoTestTarget.MEMORY);

    @Override
    protected ProviderChainRepository newRepository() {
      return new MongoProviderChainRepository(databases.fresh());
    }

    @AfterEach
    void dropDatabases() {
      databases.dropAll();
    }
  }

  @Nested
  @EnabledIfEnvironmentVariable(named = MongoTestTarget.URI_VARIABLE, matches = ".+")
  class OnMongoDb extends ProviderChainRepositoryContractTest {
    private final MongoTestTarget.Databases databases =
        new MongoTestTarget.Databases(MongoTestTarget.EXTERNAL);

    @Override
    protected ProviderChainRepository newRepository() {
      return new MongoProviderChainRepository(databases.fresh());
    }

    @AfterEach
    void dropDatabases() {
      databases.dropAll();
    }
  }
}
