package com.minichat.adapters.mongo.migration;

import com.minichat.adapters.mongo.MongoSchema;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

/**
 * Migration 2: unique token hashes of the one-time and refresh tokens, and the indexes behind their
 * look-ups and the audit-log lists. Only plain ascending indexes (unique or not): mongo-java-server
 * enforces the unique ones and accepts, without using, the others, which real MongoDB uses. No TTL
 * and no partial indexes (mongo-java-server would never expire documents, and would turn a partial
 * unique index into a full one); expired tokens are removed by a clean-up job instead.
 */
final class CreateTokenAndAuditIndexesMigration implements Migration {
  static final String ONE_TIME_TOKENS_HASH = "oneTimeTokens_tokenHash_unique";
  static final String ONE_TIME_TOKENS_USER = "oneTimeTokens_userId_purpose";
  static final String REFRESH_TOKENS_HASH = "refreshTokens_tokenHash_unique";
  static final String REFRESH_TOKENS_USER = "refreshTokens_userId";
  static final String REFRESH_TOKENS_FAMILY = "refreshTokens_familyId";
  static final String AUDIT_LOG_AT = "auditLog_at";
  static final String AUDIT_LOG_USER = "auditLog_userId_at";

  @Override
  public String id() {
    return "0002-create-token-and-audit-indexes";
  }

  @Override
  public String description() {
    return "unique oneTimeTokens.tokenHash and refreshTokens.tokenHash; indexes on one-time tokens"
        + " by user and purpose, refresh tokens by user and by family, audit log by time and by"
        + " user and time";
  }

  @Override
  public void apply(MongoDatabase database) {
    unique(database, MongoSchema.ONE_TIME_TOKENS, "tokenHash", ONE_TIME_TOKENS_HASH);
    index(database, MongoSchema.ONE_TIME_TOKENS, ONE_TIME_TOKENS_USER, "userId", "purpose");
    unique(database, MongoSchema.REFRESH_TOKENS, "tokenHash", REFRESH_TOKENS_HASH);
    index(database, MongoSchema.REFRESH_TOKENS, REFRESH_TOKENS_USER, "userId");
    index(database, MongoSchema.REFRESH_TOKENS, REFRESH_TOKENS_FAMILY, "familyId");
    index(database, MongoSchema.AUDIT_LOG, AUDIT_LOG_AT, "at", MongoSchema.ID);
    index(database, MongoSchema.AUDIT_LOG, AUDIT_LOG_USER, "userId", "at", MongoSchema.ID);
  }

  private static void unique(MongoDatabase database, String collection, String field, String name) {
    database
        .getCollection(collection)
        .createIndex(Indexes.ascending(field), new IndexOptions().name(name).unique(true));
  }

  /** A plain ascending index; the list queries sort descending by walking it backwards. */
  private static void index(
      MongoDatabase database, String collection, String name, String... fields) {
    database
        .getCollection(collection)
        .createIndex(Indexes.ascending(fields), new IndexOptions().name(name));
  }
}
