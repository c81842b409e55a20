package com.minichat.adapters.mongo.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.minichat.adapters.mongo.MongoErrors;
import com.minichat.adapters.mongo.MongoSchema;
import com.minichat.adapters.mongo.MongoTestTarget;
import com.minichat.adapters.mongo.team.MembershipDocumentMapper;
import com.minichat.adapters.mongo.team.MongoMembershipRepository;
import com.minichat.adapters.mongo.workspace.MongoWorkspaceRepository;
import com.minichat.domain.common.PageRequest;
import com.minichat.domain.team.Membership;
import com.minichat.domain.team.Role;
import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.WidgetKey;
import com.minichat.domain.workspace.Workspace;
import com.minichat.domain.workspace.WorkspaceId;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Migration {@code 0003-teams-and-api-keys}: its indexes, and the OWNER memberships it creates for
 * the workspaces that exist before it, once, on mongo-java-server and, when configured, on real
 * MongoDB.
 */
class TeamsAndApiKeysMigrationTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123Z");

  @Nested
  class OnMongoJavaServer extends Cases {
    OnMongoJavaServer() {
      super(MongoTestTarget.MEMORY);
    }
  }

  @Nested
  @EnabledIfEnvironmentVariable(named = MongoTestTarget.URI_VARIABLE, matches = ".+")
  class OnMongoDb extends Cases {
    OnMongoDb() {
      super(MongoTestTarget.EXTERNAL);
    }
  }

  abstract static class Cases {
    private final MongoTestTarget.Databases databases;
    private MongoDatabase database;

    Cases(MongoTestTarget target) {
      this.databases = new MongoTestTarget.Databases(target);
    }

    /** A database as version 0.2 left it: migrations 1 and 2 applied, not 3. */
    @BeforeEach
    void databaseBeforeTeams() {
      database = databases.empty();
      new MigrationRunner(database, MongoMigrations.all().subList(0, 2)).run();
    }

    @AfterEach
    void dropDatabases() {
      databases.dropAll();
    }

    private static Workspace workspace(UserId owner, Instant createdAt) {
      return new Workspace(
          WorkspaceId.generate(),
          "Shop",
          owner,
          WidgetKey.generate(),
          "",
          "",
          List.of(),
          List.of(),
          30,
          createdAt,
          createdAt.plusSeconds(60));
    }

    private static Membership owner(Workspace workspace) {
      return new Membership(
          workspace.id(),
          workspace.ownerId(),
          Role.OWNER,
          workspace.createdAt(),
          workspace.createdAt());
    }

    private MongoCollection<Document> memberships() {
      return database.getCollection(MongoSchema.MEMBERSHIPS);
    }

    private List<Document> allMemberships() {
      return memberships().find().sort(new Document(MongoSchema.ID, 1)).into(new ArrayList<>());
    }

    private Migration migration() {
      return MongoMigrations.all().get(2);
    }

    @Test
    void isTheThirdMigration() {
      assertEquals("0003-teams-and-api-keys", migration().id());
      assertEquals(
          List.of("0003-teams-and-api-keys", "0004-webhooks", "0005-model-servers"),
          MongoMigrations.migrate(database));
      assertEquals(List.of(), MongoMigrations.migrate(database));
    }

    @Test
    void createsTheIndexes() {
      MongoMigrations.migrate(database);

      Map<String, Document> memberships = indexes(MongoSchema.MEMBERSHIPS);
      assertEquals(
          Set.of(
              "_id_",
              "memberships_workspaceId_userId_unique",
              "memberships_userId_joinedAt_workspaceId"),
          memberships.keySet());
      Document pair = memberships.get("memberships_workspaceId_userId_unique");
      assertEquals(new Document("workspaceId", 1).append("userId", 1), pair.get("key"));
      assertEquals(Boolean.TRUE, pair.getBoolean("unique"));
      assertEquals(
          new Document("userId", 1).append("joinedAt", 1).append("workspaceId", 1),
          memberships.get("memberships_userId_joinedAt_workspaceId").get("key"));
      assertNotUnique(memberships.get("memberships_userId_joinedAt_workspaceId"));

      Map<String, Document> invitations = indexes(MongoSchema.INVITATIONS);
      assertEquals(
          Set.of("_id_", "invitations_tokenHash_unique", "invitations_workspaceId_createdAt"),
          invitations.keySet());
      assertEquals(
          new Document("tokenHash", 1), invitations.get("invitations_tokenHash_unique").get("key"));
      assertEquals(
          Boolean.TRUE, invitations.get("invitations_tokenHash_unique").getBoolean("unique"));
      assertEquals(
          new Document("workspaceId", 1).append("createdAt", 1).append("_id", 1),
          invitations.get("invitations_workspaceId_createdAt").get("key"));
      assertNotUnique(invitations.get("invitations_workspaceId_createdAt"));

      Map<String, Document> apiKeys = indexes(MongoSchema.API_KEYS);
      assertEquals(
          Set.of("_id_", "apiKeys_secretHash_unique", "apiKeys_workspaceId_createdAt"),
          apiKeys.keySet());
      assertEquals(
          new Document("secretHash", 1), apiKeys.get("apiKeys_secretHash_unique").get("key"));
      assertEquals(Boolean.TRUE, apiKeys.get("apiKeys_secretHash_unique").getBoolean("unique"));
      assertEquals(
          new Document("workspaceId", 1).append("createdAt", 1).append("_id", 1),
          apiKeys.get("apiKeys_workspaceId_createdAt").get("key"));
      assertNotUnique(apiKeys.get("apiKeys_workspaceId_createdAt"));
    }

    @Test
    void uniqueIndexesRefuseDuplicates() {
      MongoMigrations.migrate(database);
      memberships().insertOne(new Document("workspaceId", "w1").append("userId", "u1"));
      memberships().insertOne(new Document("workspaceId", "w1").append("userId", "u2"));
      memberships().insertOne(new Document("workspaceId", "w2").append("userId", "u1"));
      MongoCollection<Document> invitations = database.getCollection(MongoSchema.INVITATIONS);
      invitations.insertOne(new Document("tokenHash", "h1").append("workspaceId", "w1"));
      MongoCollection<Document> apiKeys = database.getCollection(MongoSchema.API_KEYS);
      apiKeys.insertOne(new Document("secretHash", "h1").append("workspaceId", "w1"));

      List<MongoWriteException> refused =
          List.of(
              assertThrows(
                  MongoWriteException.class,
                  () ->
                      memberships()
                          .insertOne(new Document("workspaceId", "w1").append("userId", "u1"))),
              assertThrows(
                  MongoWriteException.class,
                  () ->
                      invitations.insertOne(
                          new Document("tokenHash", "h1").append("workspaceId", "w2"))),
              assertThrows(
                  MongoWriteException.class,
                  () ->
                      apiKeys.insertOne(
                          new Document("secretHash", "h1").append("workspaceId", "w2"))));

      refused.forEach(e -> assertTrue(MongoErrors.isDuplicateKey(e), e::toString));
      assertEquals(3, memberships().countDocuments());
    }

    @Test
    void everyExistingWorkspaceGetsItsOwnerAsOwnerMember() {
      MongoWorkspaceRepository workspaces = new MongoWorkspaceRepository(database);
      UserId somchai = UserId.generate();
      Workspace first = workspace(somchai, T0);
      Workspace second = workspace(somchai, T0.plusSeconds(3600));
      Workspace deleted = workspace(UserId.generate(), T0.plusSeconds(1));
      List.of(first, second, deleted).forEach(workspaces::insert);
      workspaces.markDeleted(deleted.id(), T0.plusSeconds(7200));

      assertEquals(
          List.of("0003-teams-and-api-keys", "0004-webhooks", "0005-model-servers"),
          MongoMigrations.migrate(database));

      MongoMembershipRepository memberships = new MongoMembershipRepository(database);
      for (Workspace workspace : List.of(first, second, deleted)) {
        assertEquals(List.of(owner(workspace)), memberships.findByWorkspace(workspace.id()));
      }
      assertEquals(
          List.of(owner(first), owner(second)),
          memberships.findByUser(somchai, PageRequest.first()).items());
      Document stored =
          memberships()
              .find(new Document(MongoSchema.ID, first.id().value() + ":" + somchai.value()))
              .first();
      assertEquals(
          Set.of(
              "_id",
              "workspaceId",
              "userId",
              "role",
              "joinedAt",
              "createdAt",
              "updatedAt",
              "schemaVersion"),
          stored.keySet());
      assertEquals(MongoSchema.CURRENT_SCHEMA_VERSION, stored.getInteger("schemaVersion"));
      assertEquals(Date.from(T0), stored.getDate("createdAt"));
    }

    @Test
    void ownerMembershipsAreCreatedOnceOnly() {
      MongoWorkspaceRepository workspaces = new MongoWorkspaceRepository(database);
      List.of(workspace(UserId.generate(), T0), workspace(UserId.generate(), T0))
          .forEach(workspaces::insert);
      MongoMigrations.migrate(database);
      List<Document> afterFirstRun = allMemberships();

      migration().apply(database);
      migration().apply(database);

      assertEquals(2, afterFirstRun.size());
      assertEquals(afterFirstRun, allMemberships());
    }

    @Test
    void anOwnerWhoIsAlreadyAMemberKeepsThatMembership() {
      Workspace workspace = workspace(UserId.generate(), T0);
      new MongoWorkspaceRepository(database).insert(workspace);
      Membership demoted =
          new Membership(
              workspace.id(),
              workspace.ownerId(),
              Role.ADMIN,
              T0.plusSeconds(5),
              T0.plusSeconds(6));
      new MongoMembershipRepository(database).insert(demoted);
      // The same pair once more under a key this version never writes: left alone as well.
      Workspace other = workspace(UserId.generate(), T0);
      new MongoWorkspaceRepository(database).insert(other);
      Document foreignKey =
          MembershipDocumentMapper.toDocument(owner(other)).append("_id", new ObjectId());
      memberships().insertOne(foreignKey);

      MongoMigrations.migrate(database);
      migration().apply(database);

      MongoMembershipRepository memberships = new MongoMembershipRepository(database);
      assertEquals(List.of(demoted), memberships.findByWorkspace(workspace.id()));
      assertEquals(List.of(owner(other)), memberships.findByWorkspace(other.id()));
      assertEquals(2, memberships().countDocuments());
    }

    @Test
    void aDatabaseWithoutWorkspacesGetsNoMemberships() {
      MongoMigrations.migrate(database);

      assertEquals(0, memberships().countDocuments());
    }

    @Test
    void workspacesBeyondOneBatchAllGetTheirOwner() {
      List<Document> many = new ArrayList<>();
      for (int i = 0; i < 1234; i++) {
        many.add(
            new Document(MongoSchema.ID, "w" + i)
                .append("ownerId", "u" + (i % 10))
                .append("widgetKey", "wk_" + i)
                .append("createdAt", Date.from(T0.plusSeconds(i))));
      }
      database.getCollection(MongoSchema.WORKSPACES).insertMany(many);
      migration().apply(database);
      memberships().deleteOne(new Document(MongoSchema.ID, "w7:u7"));

      migration().apply(database);

      assertEquals(1234, memberships().countDocuments());
      assertEquals(
          Optional.of(
              new Membership(
                  new WorkspaceId("w7"),
                  new UserId("u7"),
                  Role.OWNER,
                  T0.plusSeconds(7),
                  T0.plusSeconds(7))),
          new MongoMembershipRepository(database).find(new WorkspaceId("w7"), new UserId("u7")));
    }

    private static void assertNotUnique(Document index) {
      assertTrue(!Boolean.TRUE.equals(index.get("unique")), () -> "unique index " + index);
    }

    private Map<String, Document> indexes(String collection) {
      return database.getCollection(collection).listIndexes().into(new ArrayList<>()).stream()
          .collect(Collectors.toMap(index -> index.getString("name"), index -> index));
    }
  }
}
