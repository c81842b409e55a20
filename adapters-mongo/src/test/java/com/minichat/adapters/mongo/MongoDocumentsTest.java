package com.minichat.adapters.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.minichat.adapters.mongo.conversation.MongoConversationRepository;
import com.minichat.adapters.mongo.conversation.MongoMessageRepository;
import com.minichat.adapters.mongo.user.MongoUserRepository;
import com.minichat.adapters.mongo.workspace.MongoWorkspaceRepository;
import com.minichat.domain.conversation.Conversation;
import com.minichat.domain.conversation.Message;
import com.minichat.domain.conversation.MessageAuthor;
import com.minichat.domain.conversation.VisitorId;
import com.minichat.domain.user.Email;
import com.minichat.domain.user.User;
import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.FaqEntry;
import com.minichat.domain.workspace.WidgetKey;
import com.minichat.domain.workspace.Workspace;
import com.minichat.domain.workspace.WorkspaceId;
import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The stored shape of every document: its fields, their BSON types and the schema version. */
class MongoDocumentsTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123Z");

  private final MongoTestTarget.Databases databases =
      new MongoTestTarget.Databases(MongoTestTarget.MEMORY);
  private final MongoDatabase database = databases.fresh();

  @AfterEach
  void dropDatabases() {
    databases.dropAll();
  }

  private Document only(String collection) {
    List<Document> all =
        database.getCollection(collection).find().into(new java.util.ArrayList<>());
    assertEquals(1, all.size());
    Document document = all.getFirst();
    assertEquals(1, document.getInteger(MongoSchema.SCHEMA_VERSION));
    assertInstanceOf(Date.class, document.get(MongoSchema.CREATED_AT));
    assertInstanceOf(Date.class, document.get(MongoSchema.UPDATED_AT));
    return document;
  }

  @Test
  void everyCollectionStoresTimestampsAndSchemaVersion() {
    User user = new User(UserId.generate(), new Email("a@example.com"), "A", "hash", T0, T0);
    Workspace workspace =
        new Workspace(
            WorkspaceId.generate(),
            "Shop",
            user.id(),
            WidgetKey.generate(),
            "Hi",
            "Be nice",
            List.of(new FaqEntry("Q?", "A.")),
            List.of("shop.example.com"),
            30,
            T0,
            T0.plusSeconds(1));
    Conversation conversation = Conversation.start(workspace.id(), VisitorId.generate(), T0);
    Message message = Message.create(conversation, MessageAuthor.VISITOR, "Hello", T0);
    new MongoUserRepository(database).insert(user);
    new MongoWorkspaceRepository(database).insert(workspace);
    new MongoConversationRepository(database).insert(conversation);
    new MongoMessageRepository(database).insert(message);

    assertEquals(
        Set.of("_id", "email", "name", "passwordHash", "createdAt", "updatedAt", "schemaVersion"),
        only(MongoSchema.USERS).keySet());

    Document storedWorkspace = only(MongoSchema.WORKSPACES);
    assertEquals(
        Set.of(
            "_id",
            "name",
            "ownerId",
            "widgetKey",
            "welcomeMessage",
            "systemPrompt",
            "faq",
            "allowedDomains",
            "dataRetentionDays",
            "createdAt",
            "updatedAt",
            "schemaVersion"),
        storedWorkspace.keySet());
    assertEquals(
        List.of(new Document("question", "Q?").append("answer", "A.")),
        storedWorkspace.getList("faq", Document.class));

    Document storedConversation = only(MongoSchema.CONVERSATIONS);
    assertEquals("OPEN", storedConversation.getString("status"));
    assertEquals(workspace.id().value(), storedConversation.getString("workspaceId"));

    Document storedMessage = only(MongoSchema.MESSAGES);
    assertEquals("VISITOR", storedMessage.getString("author"));
    assertEquals(Date.from(T0), storedMessage.getDate(MongoSchema.UPDATED_AT));
    assertEquals(conversation.id().value(), storedMessage.getString("conversationId"));
  }
}
