package com.minichat.adapters.mongo.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.minichat.adapters.mongo.MongoSchema;
import com.minichat.adapters.mongo.MongoTestTarget;
import com.minichat.application.port.out.workspace.DeletedWorkspace;
import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.WidgetKey;
import com.minichat.domain.workspace.Workspace;
import com.minichat.domain.workspace.WorkspaceId;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Workspace documents written before soft delete existed have no {@code deletedAt} field; others
 * have an explicit null. Both count as live for every finder ({@code deletedAt: null} matches a
 * missing field) and can be deleted and restored — on mongo-java-server exactly as on MongoDB.
 */
class WorkspaceDocumentCompatibilityTest {
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
    private MongoCollection<Document> collection;
    private MongoWorkspaceRepository workspaces;

    Cases(MongoTestTarget target) {
      this.databases = new MongoTestTarget.Databases(target);
    }

    @BeforeEach
    void freshDatabase() {
      MongoDatabase database = databases.fresh();
      collection = database.getCollection(MongoSchema.WORKSPACES);
      workspaces = new MongoWorkspaceRepository(database);
    }

    @AfterEach
    void dropDatabases() {
      databases.dropAll();
    }

    /** Exactly what version 0.1 of the adapter wrote for a workspace. */
    private static Document oldShape(String id, String ownerId, String widgetKey) {
      return new Document("_id", id)
          .append("name", "Old shop")
          .append("ownerId", ownerId)
          .append("widgetKey", widgetKey)
          .append("welcomeMessage", "Hi")
          .append("systemPrompt", "")
          .append("faq", List.of())
          .append("allowedDomains", List.of())
          .append("dataRetentionDays", 365)
          .append("createdAt", Date.from(T0))
          .append("updatedAt", Date.from(T0))
          .append("schemaVersion", 1);
    }

    private static Workspace expected(String id, String ownerId, String widgetKey) {
      return new Workspace(
          new WorkspaceId(id),
          "Old shop",
          new UserId(ownerId),
          new WidgetKey(widgetKey),
          "Hi",
          "",
          List.of(),
          List.of(),
          365,
          T0,
          T0);
    }

    @Test
    void documentsWithoutOrWithNullDeletedAtAreFoundByEveryFinder() {
      collection.insertOne(oldShape("w-missing", "u-old", "wk_missing"));
      collection.insertOne(oldShape("w-null", "u-old", "wk_null").append("deletedAt", null));
      collection.insertOne(
          oldShape("w-deleted", "u-old", "wk_deleted").append("deletedAt", Date.from(T0)));
      Workspace missing = expected("w-missing", "u-old", "wk_missing");
      Workspace explicitNull = expected("w-null", "u-old", "wk_null");

      assertEquals(Optional.of(missing), workspaces.findById(missing.id()));
      assertEquals(Optional.of(explicitNull), workspaces.findById(explicitNull.id()));
      assertEquals(Optional.of(missing), workspaces.findByWidgetKey(missing.widgetKey()));
      assertEquals(Optional.of(explicitNull), workspaces.findByWidgetKey(explicitNull.widgetKey()));
      assertEquals(List.of(missing, explicitNull), workspaces.findByOwner(new UserId("u-old")));
      assertEquals(
          2,
          workspaces
              .findByIds(List.of(missing.id(), explicitNull.id(), new WorkspaceId("w-deleted")))
              .size());
      assertTrue(workspaces.findById(new WorkspaceId("w-deleted")).isEmpty());
      assertTrue(workspaces.findByWidgetKey(new WidgetKey("wk_deleted")).isEmpty());
      assertTrue(workspaces.findDeleted(missing.id()).isEmpty());
      assertTrue(workspaces.findDeleted(explicitNull.id()).isEmpty());
    }

    @Test
    void anOldDocumentCanBeDeletedAndRestored() {
      collection.insertOne(oldShape("w-old", "u-old", "wk_old"));
      Workspace old = expected("w-old", "u-old", "wk_old");

      workspaces.markDeleted(old.id(), T0.plusSeconds(60));

      assertTrue(workspaces.findById(old.id()).isEmpty());
      assertEquals(
          Optional.of(new DeletedWorkspace(old, T0.plusSeconds(60))),
          workspaces.findDeleted(old.id()));

      workspaces.restore(old.id(), T0.plusSeconds(120));

      assertEquals(Optional.of(old), workspaces.findById(old.id()));
      Document stored = collection.find().first();
      assertNull(stored.get("deletedAt"));
      assertTrue(stored.containsKey("deletedAt"));
      assertEquals(Date.from(T0.plusSeconds(120)), stored.getDate("restoredAt"));
    }

    @Test
    void updatingAnOldDocumentWritesTheCurrentShapeAndKeepsUnknownFields() {
      collection.insertOne(oldShape("w-old", "u-old", "wk_old").append("futureField", "kept"));
      Workspace old = expected("w-old", "u-old", "wk_old");
      Workspace changed =
          new Workspace(
              old.id(),
              "Renamed",
              old.ownerId(),
              old.widgetKey(),
              old.welcomeMessage(),
              old.systemPrompt(),
              old.faq(),
              old.allowedDomains(),
              old.dataRetentionDays(),
              true,
              old.createdAt(),
              T0.plusSeconds(30));

      workspaces.update(changed);

      assertEquals(Optional.of(changed), workspaces.findById(old.id()));
      Document stored = collection.find().first();
      assertEquals(MongoSchema.CURRENT_SCHEMA_VERSION, stored.getInteger("schemaVersion"));
      assertTrue(stored.getBoolean("requireTwoFactor"));
      assertTrue(stored.containsKey("deletedAt"));
      assertNull(stored.get("deletedAt"));
      assertEquals("kept", stored.getString("futureField"));
      assertInstanceOf(Date.class, stored.get("updatedAt"));
    }
  }
}
