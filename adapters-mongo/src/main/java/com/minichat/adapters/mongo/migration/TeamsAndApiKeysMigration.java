package com.minichat.adapters.mongo.migration;

import com.minichat.adapters.mongo.MongoSchema;
import com.minichat.adapters.mongo.team.MembershipDocumentMapper;
import com.minichat.domain.team.Role;
import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.WorkspaceId;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Migration 3: teams and API keys. Unique (workspaceId, userId) of memberships, unique token hashes
 * of invitations and secret hashes of API keys, the indexes behind their lists; then, for every
 * workspace (deleted ones included, so that a restored workspace has its owner), an {@code OWNER}
 * membership of its {@code ownerId} unless that user already has a membership there. The owner
 * joined when the workspace was created. Idempotent: the membership's {@code _id} is derived from
 * the pair and written with {@code $setOnInsert}, so a second run, or a concurrent one, changes
 * nothing.
 */
final class TeamsAndApiKeysMigration implements Migration {
  static final String MEMBERSHIPS_WORKSPACE_USER = "memberships_workspaceId_userId_unique";
  static final String MEMBERSHIPS_USER = "memberships_userId_joinedAt_workspaceId";
  static final String INVITATIONS_TOKEN_HASH = "invitations_tokenHash_unique";
  static final String INVITATIONS_WORKSPACE = "invitations_workspaceId_createdAt";
  static final String API_KEYS_SECRET_HASH = "apiKeys_secretHash_unique";
  static final String API_KEYS_WORKSPACE = "apiKeys_workspaceId_createdAt";

  private static final Logger LOG = LoggerFactory.getLogger(TeamsAndApiKeysMigration.class);
  private static final int BATCH = 500;
  private static final String OWNER_ID = "ownerId";

  @Override
  public String id() {
    return "0003-teams-and-api-keys";
  }

  @Override
  public String description() {
    return "unique memberships(workspaceId,userId), invitations.tokenHash and apiKeys.secretHash;"
        + " indexes on memberships by user and join time, invitations and api keys by workspace;"
        + " an OWNER membership for every existing workspace";
  }

  @Override
  public void apply(MongoDatabase database) {
    MongoCollection<Document> memberships = database.getCollection(MongoSchema.MEMBERSHIPS);
    memberships.createIndex(
        Indexes.ascending(MembershipDocumentMapper.WORKSPACE_ID, MembershipDocumentMapper.USER_ID),
        new IndexOptions().name(MEMBERSHIPS_WORKSPACE_USER).unique(true));
    memberships.createIndex(
        Indexes.ascending(
            MembershipDocumentMapper.USER_ID,
            MembershipDocumentMapper.JOINED_AT,
            MembershipDocumentMapper.WORKSPACE_ID),
        new IndexOptions().name(MEMBERSHIPS_USER));
    unique(database, MongoSchema.INVITATIONS, "tokenHash", INVITATIONS_TOKEN_HASH);
    byCreation(database, MongoSchema.INVITATIONS, INVITATIONS_WORKSPACE);
    unique(database, MongoSchema.API_KEYS, "secretHash", API_KEYS_SECRET_HASH);
    byCreation(database, MongoSchema.API_KEYS, API_KEYS_WORKSPACE);
    createOwnerMemberships(database, memberships);
  }

  private static void createOwnerMemberships(
      MongoDatabase database, MongoCollection<Document> memberships) {
    List<WriteModel<Document>> batch = new ArrayList<>();
    int workspaces = 0;
    int created = 0;
    try (MongoCursor<Document> cursor =
        database
            .getCollection(MongoSchema.WORKSPACES)
            .find()
            .projection(Projections.include(MongoSchema.ID, OWNER_ID, MongoSchema.CREATED_AT))
            .cursor()) {
      while (cursor.hasNext()) {
        Document workspace = cursor.next();
        workspaces++;
        ownerMembership(workspace).ifPresent(batch::add);
        if (batch.size() == BATCH) {
          created += write(memberships, batch);
          batch.clear();
        }
      }
    }
    if (!batch.isEmpty()) {
      created += write(memberships, batch);
    }
    LOG.info("owner memberships created created={} workspaces={}", created, workspaces);
  }

  /** An upsert that creates the owner's membership unless its key already exists. */
  private static Optional<WriteModel<Document>> ownerMembership(Document workspace) {
    String id = workspace.getString(MongoSchema.ID);
    String ownerId = workspace.getString(OWNER_ID);
    Date createdAt = workspace.getDate(MongoSchema.CREATED_AT);
    if (id == null || ownerId == null || createdAt == null) {
      LOG.warn("workspace without owner or creation time skipped workspaceId={}", id);
      return Optional.empty();
    }
    Document owner =
        MembershipDocumentMapper.document(
            new WorkspaceId(id),
            new UserId(ownerId),
            Role.OWNER,
            createdAt.toInstant(),
            createdAt.toInstant());
    Object key = owner.remove(MongoSchema.ID);
    return Optional.of(
        new UpdateOneModel<>(
            Filters.eq(MongoSchema.ID, key),
            new Document("$setOnInsert", owner),
            new UpdateOptions().upsert(true)));
  }

  /**
   * Upserts one batch; returns how many memberships it created. A duplicate key means the owner
   * already has a membership under another key or another instance created it meanwhile: fine.
   */
  private static int write(
      MongoCollection<Document> memberships, List<WriteModel<Document>> batch) {
    try {
      return memberships
          .bulkWrite(List.copyOf(batch), new BulkWriteOptions().ordered(false))
          .getUpserts()
          .size();
    } catch (MongoBulkWriteException e) {
      List<BulkWriteError> others =
          e.getWriteErrors().stream()
              .filter(
                  error ->
                      ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY)
              .toList();
      if (!others.isEmpty() || e.getWriteConcernError() != null) {
        throw e;
      }
      return e.getWriteResult().getUpserts().size();
    }
  }

  private static void unique(MongoDatabase database, String collection, String field, String name) {
    database
        .getCollection(collection)
        .createIndex(Indexes.ascending(field), new IndexOptions().name(name).unique(true));
  }

  private static void byCreation(MongoDatabase database, String collection, String name) {
    database
        .getCollection(collection)
        .createIndex(
            Indexes.ascending("workspaceId", MongoSchema.CREATED_AT, MongoSchema.ID),
            new IndexOptions().name(name));
  }
}
