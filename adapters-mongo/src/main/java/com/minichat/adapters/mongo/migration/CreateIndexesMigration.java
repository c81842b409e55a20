package com.minichat.adapters.mongo.migration;

import com.minichat.adapters.mongo.MongoSchema;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.conversions.Bson;

/**
 * Migration 1: the unique indexes that enforce e-mail and widget-key uniqueness and the compound
 * indexes behind the list queries (filter field, then creation time, then id).
 */
final class CreateIndexesMigration implements Migration {
  static final String USERS_EMAIL = "users_email_unique";
  static final String WORKSPACES_WIDGET_KEY = "workspaces_widgetKey_unique";
  static final String WORKSPACES_OWNER = "workspaces_ownerId_createdAt";
  static final String CONVERSATIONS_WORKSPACE = "conversations_workspaceId_createdAt";
  static final String MESSAGES_CONVERSATION = "messages_conversationId_createdAt";

  @Override
  public String id() {
    return "0001-create-indexes";
  }

  @Override
  public String description() {
    return "unique users.email and workspaces.widgetKey; list indexes by owner, workspace and"
        + " conversation";
  }

  @Override
  public void apply(MongoDatabase database) {
    unique(database, MongoSchema.USERS, "email", USERS_EMAIL);
    unique(database, MongoSchema.WORKSPACES, "widgetKey", WORKSPACES_WIDGET_KEY);
    byCreation(database, MongoSchema.WORKSPACES, "ownerId", WORKSPACES_OWNER);
    byCreation(database, MongoSchema.CONVERSATIONS, "workspaceId", CONVERSATIONS_WORKSPACE);
    byCreation(database, MongoSchema.MESSAGES, "conversationId", MESSAGES_CONVERSATION);
  }

  private static void unique(MongoDatabase database, String collection, String field, String name) {
    database
        .getCollection(collection)
        .createIndex(Indexes.ascending(field), new IndexOptions().name(name).unique(true));
  }

  private static void byCreation(
      MongoDatabase database, String collection, String field, String name) {
    Bson keys = Indexes.ascending(field, MongoSchema.CREATED_AT, MongoSchema.ID);
    database.getCollection(collection).createIndex(keys, new IndexOptions().name(name));
  }
}
