package com.minichat.adapters.mongo.migration;

import com.minichat.adapters.mongo.MongoSchema;
import com.minichat.adapters.mongo.modelserver.MongoModelServerRepository;
import com.minichat.adapters.mongo.modelserver.MongoModelUploadRepository;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

/**
 * Migration 5: the indexes behind a workspace's model servers and its recent model uploads
 * (workspace, creation time, id).
 */
final class ModelServersMigration implements Migration {
  static final String MODEL_SERVERS_WORKSPACE = "modelServers_workspaceId_createdAt";
  static final String MODEL_UPLOADS_WORKSPACE = "modelUploads_workspaceId_createdAt";

  @Override
  public String id() {
    return "0005-model-servers";
  }

  @Override
  public String description() {
    return "indexes on modelServers and modelUploads by workspace and creation time";
  }

  @Override
  public void apply(MongoDatabase database) {
    database
        .getCollection(MongoSchema.MODEL_SERVERS)
        .createIndex(
            Indexes.ascending(
                MongoModelServerRepository.WORKSPACE_ID, MongoSchema.CREATED_AT, MongoSchema.ID),
            new IndexOptions().name(MODEL_SERVERS_WORKSPACE));
    database
        .getCollection(MongoSchema.MODEL_UPLOADS)
        .createIndex(
            Indexes.ascending(
                MongoModelUploadRepository.WORKSPACE_ID, MongoSchema.CREATED_AT, MongoSchema.ID),
            new IndexOptions().name(MODEL_UPLOADS_WORKSPACE));
  }
}
