package com.minichat.adapters.mongo.team;

import com.minichat.adapters.mongo.MongoTestTarget;
import com.minichat.application.port.out.team.MembershipRepository;
import com.minichat.application.port.out.team.MembershipRepositoryContractTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** The MembershipRepository contract on mongo-java-server and, when configured, on real MongoDB. */
class MongoMembershipRepositoryTest {
  @Nested
  class OnMongoJavaServer extends MembershipRepositoryContractTest {
    private final MongoTestTarget.Databases databases =
        new MongoTestTarget.Databases(MongoTestTarget.MEMORY);

    @Override
    protected MembershipRepository newRepository() {
      return new MongoMembershipRepository(databases.fresh());
    }

    @AfterEach
    void dropDatabases() {
      databases.dropAll();
    }
  }

  @Nested
  @EnabledIfEnvironmentVariable(named = MongoTestTarget.URI_VARIABLE, matches = ".+")
  class OnMongoDb extends MembershipRepositoryContractTest {
    private final MongoTestTarget.Databases databases =
        new MongoTestTarget.Databases(MongoTestTarget.EXTERNAL);

    @Override
    protected MembershipRepository newRepository() {
      return new MongoMembershipRepository(databases.fresh());
    }

    @AfterEach
    void dropDatabases() {
      databases.dropAll();
    }
  }
}
