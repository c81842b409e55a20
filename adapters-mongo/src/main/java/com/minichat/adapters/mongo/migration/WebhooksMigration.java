package com.minichat.adapters.mongo.migration;

import com.minichat.adapters.mongo.MongoSchema;
import com.minichat.adapters.mongo.webhook.MongoWebhookRepository;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

/** Migration 4: the index behind a workspace's webhook list (workspace, creation time, id). */
final class WebhooksMigration implements Migration {
  static final String WEBHOOKS_WORKSPACE = "webhooks_workspaceId_createdAt";

  @Override
  public String id() {
    return "0004-webhooks";
  }

  @Override
  public String description() {
    return "index on webhooks by workspace and creation time";
  }

  @Override
  public void apply(MongoDatabase database) {
    database
        .getCollection(MongoSchema.WEBHOOKS)
        .createIndex(
            Indexes.ascending(
                MongoWebhookRepository.WORKSPACE_ID, MongoSchema.CREATED_AT, MongoSchema.ID),
            new IndexOptions().name(WEBHOOKS_WORKSPACE));
  }
}
