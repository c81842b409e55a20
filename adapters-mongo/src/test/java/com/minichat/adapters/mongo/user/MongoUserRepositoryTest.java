package com.minichat.adapters.mongo.user;

import com.minichat.adapters.mongo.MongoTestTarget;
import com.minichat.application.port.out.user.UserRepository;
import com.minichat.application.port.out.user.UserRepositoryContractTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** The UserRepository contract on mongo-java-server and, when configured, on real MongoDB. */
class MongoUserRepositoryTest {
  @Nested
  class OnMongoJavaServer extends UserRepositoryContractTest {
    private final MongoTestTarget.Databases databases =
        new MongoTestTarget.Databases(MongoTestTarget.MEMORY);

    @Override
    protected UserRepository newRepository() {
      return new MongoUserRepository(databases.fresh());
    }

    @AfterEach
    void dropDatabases() {
      databases.dropAll();
    }
  }

  @Nested
  @EnabledIfEnvironmentVariable(named = MongoTestTarget.URI_VARIABLE, matches = ".+")
  class OnMongoDb extends UserRepositoryContractTest {
    private final MongoTestTarget.Databases databases =
        new MongoTestTarget.Databases(MongoTestTarget.EXTERNAL);

    @Override
    protected UserRepository newRepository() {
      return new MongoUserRepository(databases.fresh());
    }

    @AfterEach
    void dropDatabases() {
      databases.dropAll();
    }
  }
}
