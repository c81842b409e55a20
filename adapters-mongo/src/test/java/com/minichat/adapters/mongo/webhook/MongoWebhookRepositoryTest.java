package com.minichat.adapters.mongo.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.minichat.adapters.mongo.MongoSchema;
import com.minichat.adapters.mongo.MongoTestTarget;
import com.minichat.application.port.out.webhook.WebhookRepository;
import com.minichat.application.port.out.webhook.WebhookRepositoryContractTest;
import com.minichat.domain.webhook.Webhook;
import com.minichat.domain.webhook.WebhookEvent;
import com.minichat.domain.webhook.WebhookId;
import com.minichat.domain.workspace.WorkspaceId;
import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** The WebhookRepository contract on mongo-java-server and, when configured, on real MongoDB. */
class MongoWebhookRepositoryTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123Z");

  /** The stored shape of a webhook document. */
  @Nested
  class StoredDocument {
    private final MongoTestTarget.Databases shapes =
        new MongoTestTarget.Databases(MongoTestTarget.MEMORY);

    @AfterEach
    void dropShapeDatabases() {
      shapes.dropAll();
    }

    @Test
    void storedDocumentHasTimestampsSchemaVersionAndWireNamesInOrder() {
      MongoDatabase database = shapes.fresh();
      MongoWebhookRepository repository = new MongoWebhookRepository(database);
      Webhook webhook =
          new Webhook(
              new WebhookId("wh1"),
              new WorkspaceId("ws1"),
              "https://hooks.example.com/in",
              Set.of(WebhookEvent.LEAD_CREATED, WebhookEvent.MESSAGE_CREATED),
              "v1:ciphertext",
              "whs…abcd",
              true,
              T0,
              T0.plusSeconds(1));

      repository.insert(webhook);
      repository.update(
          webhook.withSettings(webhook.url(), webhook.events(), false, T0.plusSeconds(2)));

      List<Document> all =
          database.getCollection(MongoSchema.WEBHOOKS).find().into(new ArrayList<>());
      assertEquals(1, all.size());
      Document stored = all.getFirst();
      assertEquals(
          Set.of(
              "_id",
              "workspaceId",
              "url",
              "events",
              "encryptedSecret",
              "secretHint",
              "enabled",
              "createdAt",
              "updatedAt",
              "schemaVersion"),
          stored.keySet());
      assertEquals("wh1", stored.getString("_id"));
      assertEquals("ws1", stored.getString("workspaceId"));
      assertEquals(List.of("message.created", "lead.created"), stored.get("events"));
      assertEquals("v1:ciphertext", stored.getString("encryptedSecret"));
      assertEquals(Boolean.FALSE, stored.getBoolean("enabled"));
      assertInstanceOf(Date.class, stored.get("createdAt"));
      assertEquals(Date.from(T0), stored.getDate("createdAt"));
      assertEquals(Date.from(T0.plusSeconds(2)), stored.getDate("updatedAt"));
      assertEquals(MongoSchema.CURRENT_SCHEMA_VERSION, stored.getInteger("schemaVersion"));
    }
  }

  @Nested
  class OnMongoJavaServer extends WebhookRepositoryContractTest {
    private final MongoTestTarget.Databases databases =
        new MongoTestTarget.Databases(MongoTestTarget.MEMORY);

    @Override
    protected WebhookRepository newRepository() {
      return new MongoWebhookRepository(databases.fresh());
    }

    @AfterEach
    void dropDatabases() {
      databases.dropAll();
    }
  }

  @Nested
  @EnabledIfEnvironmentVariable(named = MongoTestTarget.URI_VARIABLE, matches = ".+")
  class OnMongoDb extends WebhookRepositoryContractTest {
    private final MongoTestTarget.Databases databases =
        new MongoTestTarget.Databases(MongoTestTarget.EXTERNAL);

    @Override
    protected WebhookRepository newRepository() {
      return new MongoWebhookRepository(databases.fresh());
    }

    @AfterEach
    void dropDatabases() {
      databases.dropAll();
    }
  }
}
