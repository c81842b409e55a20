package com.minichat.adapters.mongo.conversation;

import com.minichat.adapters.mongo.MongoTestTarget;
import com.minichat.application.port.out.conversation.MessageRepository;
import com.minichat.application.port.out.conversation.MessageRepositoryContractTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** The MessageRepository contract on mongo-java-server and, when configured, on real MongoDB. */
class MongoMessageRepositoryTest {
  @Nested
  class OnMongoJavaServer extends MessageRepositoryContractTest {
    private final MongoTestTarget.Databases databases =
        new MongoTestTarget.Databases(MongoTestTarget.MEMORY);

    @Override
    protected MessageRepository newRepository() {
      return new MongoMessageRepository(databases.fresh());
    }

    @AfterEach
    void dropDatabases() {
      databases.dropAll();
    }
  }

  @Nested
  @EnabledIfEnvironmentVariable(named = MongoTestTarget.URI_VARIABLE, matches = ".+")
  class OnMongoDb extends MessageRepositoryContractTest {
    private final MongoTestTarget.Databases databases =
        new MongoTestTarget.Databases(MongoTestTarget.EXTERNAL);

    @Override
    protected MessageRepository newRepository() {
      return new MongoMessageRepository(databases.fresh());
    }

    @AfterEach
    void dropDatabases() {
      databases.dropAll();
    }
  }
}
