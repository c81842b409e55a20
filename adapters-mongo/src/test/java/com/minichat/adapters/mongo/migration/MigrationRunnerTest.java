package com.minichat.adapters.mongo.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.minichat.adapters.mongo.MongoErrors;
import com.minichat.adapters.mongo.MongoSchema;
import com.minichat.adapters.mongo.MongoTestTarget;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MigrationRunnerTest {
  private static final Instant NOW = Instant.parse("2026-11-26T08:00:00.250Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private final MongoTestTarget.Databases databases =
      new MongoTestTarget.Databases(MongoTestTarget.MEMORY);
  private final List<String> calls = new ArrayList<>();
  private MongoDatabase database;

  @BeforeEach
  void emptyDatabase() {
    database = databases.empty();
  }

  @AfterEach
  void dropDatabases() {
    databases.dropAll();
  }

  private Migration recording(String id) {
    return migration(id, db -> calls.add(id));
  }

  private static Migration migration(String id, Consumer<MongoDatabase> effect) {
    return new Migration() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public String description() {
        return "test migration " + id;
      }

      @Override
      public void apply(MongoDatabase target) {
        effect.accept(target);
      }
    };
  }

  @Test
  void firstRunAppliesEveryMigrationAndTheSecondRunNothing() {
    MigrationRunner runner = new MigrationRunner(database, MongoMigrations.all(), CLOCK);

    assertEquals(
        List.of(
            "0001-create-indexes",
            "0002-create-token-and-audit-indexes",
            "0003-teams-and-api-keys",
            "0004-webhooks",
            "0005-model-servers"),
        runner.run());
    assertEquals(List.of(), runner.run());
    assertEquals(List.of(), MongoMigrations.migrate(database));

    List<Document> recorded =
        database
            .getCollection(MigrationRunner.COLLECTION)
            .find()
            .sort(new Document(MongoSchema.ID, 1))
            .into(new ArrayList<>());
    assertEquals(5, recorded.size());
    assertEquals("0001-create-indexes", recorded.getFirst().getString(MongoSchema.ID));
    assertEquals(Date.from(NOW), recorded.getFirst().getDate("appliedAt"));
    assertTrue(recorded.getFirst().getString("description").contains("users.email"));
    assertEquals("0002-create-token-and-audit-indexes", recorded.get(1).getString(MongoSchema.ID));
    assertEquals(Date.from(NOW), recorded.get(1).getDate("appliedAt"));
    assertTrue(recorded.get(1).getString("description").contains("refreshTokens.tokenHash"));
    assertEquals("0003-teams-and-api-keys", recorded.get(2).getString(MongoSchema.ID));
    assertEquals(Date.from(NOW), recorded.get(2).getDate("appliedAt"));
    assertTrue(recorded.get(2).getString("description").contains("OWNER membership"));
    assertEquals("0004-webhooks", recorded.get(3).getString(MongoSchema.ID));
    assertEquals(Date.from(NOW), recorded.get(3).getDate("appliedAt"));
    assertTrue(recorded.get(3).getString("description").contains("webhooks"));
    assertEquals("0005-model-servers", recorded.get(4).getString(MongoSchema.ID));
    assertTrue(recorded.get(4).getString("description").contains("modelUploads"));
  }

  @Test
  void migrationFourCreatesTheWebhookIndex() {
    MongoMigrations.migrate(database);

    Map<String, Document> webhooks = indexes(MongoSchema.WEBHOOKS);
    assertEquals(Set.of("_id_", "webhooks_workspaceId_createdAt"), webhooks.keySet());
    assertEquals(
        new Document("workspaceId", 1).append("createdAt", 1).append("_id", 1),
        webhooks.get("webhooks_workspaceId_createdAt").get("key"));
    assertNotUnique(webhooks.get("webhooks_workspaceId_createdAt"));
  }

  @Test
  void migrationFiveCreatesTheModelServerAndUploadIndexes() {
    MongoMigrations.migrate(database);

    for (String collection : List.of(MongoSchema.MODEL_SERVERS, MongoSchema.MODEL_UPLOADS)) {
      Map<String, Document> found = indexes(collection);
      String name = collection + "_workspaceId_createdAt";
      assertEquals(Set.of("_id_", name), found.keySet());
      assertEquals(
          new Document("workspaceId", 1).append("createdAt", 1).append("_id", 1),
          found.get(name).get("key"));
      assertNotUnique(found.get(name));
    }
  }

  @Test
  void migrationFiveComesLastAndApplyingItAgainIsHarmless() {
    new MigrationRunner(database, MongoMigrations.all().subList(0, 4), CLOCK).run();
    assertEquals(List.of("0005-model-servers"), MongoMigrations.migrate(database));
    Migration modelServers = MongoMigrations.all().getLast();

    modelServers.apply(database);
    modelServers.apply(database);

    assertEquals("0005-model-servers", modelServers.id());
    assertEquals(
        Set.of("_id_", "modelUploads_workspaceId_createdAt"),
        indexes(MongoSchema.MODEL_UPLOADS).keySet());
  }

  @Test
  void migrationFourAppliedAgainIsHarmless() {
    new MigrationRunner(database, MongoMigrations.all().subList(0, 3), CLOCK).run();
    assertEquals(List.of("0004-webhooks", "0005-model-servers"), MongoMigrations.migrate(database));
    Migration webhooks = MongoMigrations.all().get(3);

    webhooks.apply(database);
    webhooks.apply(database);

    assertEquals("0004-webhooks", webhooks.id());
    assertEquals(
        Set.of("_id_", "webhooks_workspaceId_createdAt"), indexes(MongoSchema.WEBHOOKS).keySet());
  }

  @Test
  void migrationOneCreatesTheIndexes() {
    MongoMigrations.migrate(database);

    Map<String, Document> users = indexes(MongoSchema.USERS);
    assertEquals(new Document("email", 1), users.get("users_email_unique").get("key"));
    assertEquals(Boolean.TRUE, users.get("users_email_unique").getBoolean("unique"));

    Map<String, Document> workspaces = indexes(MongoSchema.WORKSPACES);
    assertEquals(
        new Document("widgetKey", 1), workspaces.get("workspaces_widgetKey_unique").get("key"));
    assertEquals(Boolean.TRUE, workspaces.get("workspaces_widgetKey_unique").getBoolean("unique"));
    assertEquals(
        new Document("ownerId", 1).append("createdAt", 1).append("_id", 1),
        workspaces.get("workspaces_ownerId_createdAt").get("key"));

    assertEquals(
        new Document("workspaceId", 1).append("createdAt", 1).append("_id", 1),
        indexes(MongoSchema.CONVERSATIONS).get("conversations_workspaceId_createdAt").get("key"));
    assertEquals(
        new Document("conversationId", 1).append("createdAt", 1).append("_id", 1),
        indexes(MongoSchema.MESSAGES).get("messages_conversationId_createdAt").get("key"));
  }

  @Test
  void migrationTwoCreatesTheTokenAndAuditIndexes() {
    MongoMigrations.migrate(database);

    Map<String, Document> oneTimeTokens = indexes(MongoSchema.ONE_TIME_TOKENS);
    assertEquals(
        Set.of("_id_", "oneTimeTokens_tokenHash_unique", "oneTimeTokens_userId_purpose"),
        oneTimeTokens.keySet());
    assertEquals(
        new Document("tokenHash", 1),
        oneTimeTokens.get("oneTimeTokens_tokenHash_unique").get("key"));
    assertEquals(
        Boolean.TRUE, oneTimeTokens.get("oneTimeTokens_tokenHash_unique").getBoolean("unique"));
    assertEquals(
        new Document("userId", 1).append("purpose", 1),
        oneTimeTokens.get("oneTimeTokens_userId_purpose").get("key"));

    Map<String, Document> refreshTokens = indexes(MongoSchema.REFRESH_TOKENS);
    assertEquals(
        Set.of(
            "_id_",
            "refreshTokens_tokenHash_unique",
            "refreshTokens_userId",
            "refreshTokens_familyId"),
        refreshTokens.keySet());
    assertEquals(
        new Document("tokenHash", 1),
        refreshTokens.get("refreshTokens_tokenHash_unique").get("key"));
    assertEquals(
        Boolean.TRUE, refreshTokens.get("refreshTokens_tokenHash_unique").getBoolean("unique"));
    assertEquals(new Document("userId", 1), refreshTokens.get("refreshTokens_userId").get("key"));
    assertEquals(
        new Document("familyId", 1), refreshTokens.get("refreshTokens_familyId").get("key"));
    assertNotUnique(refreshTokens.get("refreshTokens_userId"));
    assertNotUnique(refreshTokens.get("refreshTokens_familyId"));

    Map<String, Document> auditLog = indexes(MongoSchema.AUDIT_LOG);
    assertEquals(Set.of("_id_", "auditLog_at", "auditLog_userId_at"), auditLog.keySet());
    assertEquals(new Document("at", 1).append("_id", 1), auditLog.get("auditLog_at").get("key"));
    assertEquals(
        new Document("userId", 1).append("at", 1).append("_id", 1),
        auditLog.get("auditLog_userId_at").get("key"));
    assertNotUnique(auditLog.get("auditLog_at"));
    assertNotUnique(auditLog.get("auditLog_userId_at"));
  }

  @Test
  void tokenHashesAreUniqueButUsersMayHaveManyTokens() {
    MongoMigrations.migrate(database);
    MongoCollection<Document> oneTimeTokens = database.getCollection(MongoSchema.ONE_TIME_TOKENS);
    MongoCollection<Document> refreshTokens = database.getCollection(MongoSchema.REFRESH_TOKENS);
    oneTimeTokens.insertOne(token("o1", "h1"));
    oneTimeTokens.insertOne(token("o2", "h2"));
    refreshTokens.insertOne(token("r1", "h1"));
    refreshTokens.insertOne(token("r2", "h2"));

    MongoWriteException oneTime =
        assertThrows(MongoWriteException.class, () -> oneTimeTokens.insertOne(token("o3", "h1")));
    MongoWriteException refresh =
        assertThrows(MongoWriteException.class, () -> refreshTokens.insertOne(token("r3", "h2")));

    assertTrue(MongoErrors.isDuplicateKey(oneTime));
    assertTrue(MongoErrors.isDuplicateKey(refresh));
    assertEquals(2, oneTimeTokens.countDocuments());
    assertEquals(2, refreshTokens.countDocuments());
  }

  @Test
  void applyingMigrationTwoAgainIsHarmless() {
    Migration tokenAndAuditIndexes = MongoMigrations.all().get(1);

    tokenAndAuditIndexes.apply(database);
    tokenAndAuditIndexes.apply(database);

    assertEquals(3, indexes(MongoSchema.ONE_TIME_TOKENS).size());
    assertEquals(4, indexes(MongoSchema.REFRESH_TOKENS).size());
    assertEquals(3, indexes(MongoSchema.AUDIT_LOG).size());
  }

  private static Document token(String id, String hash) {
    return new Document(MongoSchema.ID, id)
        .append("tokenHash", hash)
        .append("userId", "u1")
        .append("familyId", "f1")
        .append("purpose", "VERIFY_EMAIL");
  }

  private static void assertNotUnique(Document index) {
    assertTrue(!Boolean.TRUE.equals(index.get("unique")), () -> "unique index " + index);
  }

  @Test
  void uniqueIndexesRefuseDuplicates() {
    MongoMigrations.migrate(database);
    MongoCollection<Document> users = database.getCollection(MongoSchema.USERS);
    users.insertOne(new Document(MongoSchema.ID, "u1").append("email", "a@example.com"));
    MongoCollection<Document> workspaces = database.getCollection(MongoSchema.WORKSPACES);
    workspaces.insertOne(new Document(MongoSchema.ID, "w1").append("widgetKey", "wk_1"));

    MongoWriteException email =
        assertThrows(
            MongoWriteException.class,
            () ->
                users.insertOne(
                    new Document(MongoSchema.ID, "u2").append("email", "a@example.com")));
    MongoWriteException widgetKey =
        assertThrows(
            MongoWriteException.class,
            () ->
                workspaces.insertOne(
                    new Document(MongoSchema.ID, "w2").append("widgetKey", "wk_1")));

    assertEquals(11000, email.getCode());
    assertTrue(MongoErrors.isDuplicateKey(widgetKey));
    assertEquals(1, users.countDocuments());
  }

  @Test
  void applyingMigrationOneAgainIsHarmless() {
    Migration createIndexes = MongoMigrations.all().getFirst();

    createIndexes.apply(database);
    createIndexes.apply(database);

    assertEquals(Set.of("_id_", "users_email_unique"), indexes(MongoSchema.USERS).keySet());
    assertEquals(
        Set.of("_id_", "workspaces_widgetKey_unique", "workspaces_ownerId_createdAt"),
        indexes(MongoSchema.WORKSPACES).keySet());
  }

  @Test
  void appliesInListOrderAndLaterOnlyTheNewOnes() {
    assertEquals(
        List.of("a", "b"),
        new MigrationRunner(database, List.of(recording("a"), recording("b")), CLOCK).run());

    List<String> appliedLater =
        new MigrationRunner(
                database, List.of(recording("a"), recording("b"), recording("c")), CLOCK)
            .run();

    assertEquals(List.of("c"), appliedLater);
    assertEquals(List.of("a", "b", "c"), calls);
    assertEquals(
        Set.of("a", "b", "c"), new MigrationRunner(database, List.of(), CLOCK).appliedIds());
  }

  @Test
  void aFailedMigrationStopsTheRunAndIsRetriedNextTime() {
    Migration failing =
        migration(
            "b",
            db -> {
              throw new IllegalArgumentException("boom");
            });
    MigrationRunner broken =
        new MigrationRunner(database, List.of(recording("a"), failing, recording("c")), CLOCK);

    IllegalStateException failure = assertThrows(IllegalStateException.class, broken::run);

    assertInstanceOf(IllegalArgumentException.class, failure.getCause());
    assertEquals(Set.of("a"), broken.appliedIds());
    assertEquals(
        List.of("b", "c"),
        new MigrationRunner(
                database, List.of(recording("a"), recording("b"), recording("c")), CLOCK)
            .run());
    assertEquals(List.of("a", "b", "c"), calls);
  }

  @Test
  void aMigrationRecordedMeanwhileByAnotherInstanceIsAccepted() {
    Migration raced =
        migration(
            "raced",
            db ->
                db.getCollection(MigrationRunner.COLLECTION)
                    .insertOne(new Document(MongoSchema.ID, "raced")));

    assertEquals(List.of("raced"), new MigrationRunner(database, List.of(raced), CLOCK).run());
    assertEquals(1, database.getCollection(MigrationRunner.COLLECTION).countDocuments());
  }

  @Test
  void duplicateIdsAreRejected() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new MigrationRunner(database, List.of(recording("a"), recording("a")), CLOCK));
  }

  private Map<String, Document> indexes(String collection) {
    return database.getCollection(collection).listIndexes().into(new ArrayList<>()).stream()
        .collect(Collectors.toMap(index -> index.getString("name"), index -> index));
  }
}
