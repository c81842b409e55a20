package com.minichat.adapters.mongo.workspace;

import com.minichat.adapters.mongo.MongoTestTarget;
import com.minichat.application.port.out.workspace.WorkspaceRepository;
import com.minichat.application.port.out.workspace.WorkspaceRepositoryContractTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** The WorkspaceRepository contract on mongo-java-server and, when configured, on real MongoDB. */
class MongoWorkspaceRepositoryTest {
  @Nested
  class OnMongoJavaServer extends WorkspaceRepositoryContractTest {
    private final MongoTestTarget.Databases databases =
        new MongoTestTarget.Databases(MongoTestTarget.MEMORY);

    @Override
    protected WorkspaceRepository newRepository() {
      return new MongoWorkspaceRepository(databases.fresh());
    }

    @AfterEach
    void dropDatabases() {
      databases.dropAll();
    }
  }

  @Nested
  @EnabledIfEnvironmentVariable(named = MongoTestTarget.URI_VARIABLE, matches = ".+")
  class OnMongoDb extends WorkspaceRepositoryContractTest {
    private final MongoTestTarget.Databases databases =
        new MongoTestTarget.Databases(MongoTestTarget.EXTERNAL);

    @Override
    protected WorkspaceRepository newRepository() {
      return new MongoWorkspaceRepository(databases.fresh());
    }

    @AfterEach
    void dropDatabases() {
      databases.dropAll();
    }
  }
}
