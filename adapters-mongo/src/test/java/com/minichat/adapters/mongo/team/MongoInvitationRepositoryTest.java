package com.minichat.adapters.mongo.team;

import com.minichat.adapters.mongo.MongoTestTarget;
import com.minichat.application.port.out.team.InvitationRepository;
import com.minichat.application.port.out.team.InvitationRepositoryContractTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** The InvitationRepository contract on mongo-java-server and, when configured, on real MongoDB. */
class MongoInvitationRepositoryTest {
  @Nested
  class OnMongoJavaServer extends InvitationRepositoryContractTest {
    private final MongoTestTarget.Databases databases =
        new MongoTestTarget.Databases(MongoTestTarget.MEMORY);

    @Override
    protected InvitationRepository newRepository() {
      return new MongoInvitationRepository(databases.fresh());
    }

    @AfterEach
    void dropDatabases() {
      databases.dropAll();
    }
  }

  @Nested
  @EnabledIfEnvironmentVariable(named = MongoTestTarget.URI_VARIABLE, matches = ".+")
  class OnMongoDb extends InvitationRepositoryContractTest {
    private final MongoTestTarget.Databases databases =
        new MongoTestTarget.Databases(MongoTestTarget.EXTERNAL);

    @Override
    protected InvitationRepository newRepository() {
      return new MongoInvitationRepository(databases.fresh());
    }

    @AfterEach
    void dropDatabases() {
      databases.dropAll();
    }
  }
}
