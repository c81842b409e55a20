package com.minichat.adapters.mongo.apikey;

import static com.minichat.adapters.mongo.MongoSchema.CREATED_AT;
import static com.minichat.adapters.mongo.MongoSchema.ID;
import static com.minichat.adapters.mongo.MongoSchema.SCHEMA_VERSION;
import static com.minichat.adapters.mongo.MongoSchema.UPDATED_AT;

import com.minichat.adapters.mongo.MongoSchema;
import com.minichat.domain.apikey.ApiKey;
import com.minichat.domain.apikey.ApiKeyId;
import com.minichat.domain.apikey.ApiScope;
import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.WorkspaceId;
import com.mongodb.client.model.Projections;
import java.time.Instant;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Maps {@link ApiKey} to and from documents of the {@code apiKeys} collection: {@code _id}, {@code
 * workspaceId}, {@code name}, {@code hint}, {@code secretHash} (unique; never the secret), {@code
 * scope} (enum name), {@code createdBy}, {@code expiresAt}, {@code lastUsedAt}, {@code revokedAt}
 * (dates, or null), {@code replacedBy} (a key id, or null), {@code createdAt}, {@code updatedAt}
 * (when the document was last written by an insert or update; using a key does not count), {@code
 * schemaVersion}.
 */
public final class ApiKeyDocumentMapper {
  public static final String WORKSPACE_ID = "workspaceId";
  public static final String NAME = "name";
  public static final String HINT = "hint";
  public static final String SECRET_HASH = "secretHash";
  public static final String SCOPE = "scope";
  public static final String CREATED_BY = "createdBy";
  public static final String EXPIRES_AT = "expiresAt";
  public static final String LAST_USED_AT = "lastUsedAt";
  public static final String REVOKED_AT = "revokedAt";
  public static final String REPLACED_BY = "replacedBy";
  public static final String EXPIRY_WARNED_AT = "expiryWarnedAt";

  /** The fields {@link #toDomain} reads. */
  public static final Bson PROJECTION =
      Projections.include(
          ID,
          WORKSPACE_ID,
          NAME,
          HINT,
          SECRET_HASH,
          SCOPE,
          CREATED_BY,
          EXPIRES_AT,
          LAST_USED_AT,
          REVOKED_AT,
          REPLACED_BY,
          EXPIRY_WARNED_AT,
          CREATED_AT);

  private ApiKeyDocumentMapper() {}

  /** The document stored for {@code key}, written at {@code updatedAt}. */
  public static Document toDocument(ApiKey key, Instant updatedAt) {
    return new Document(ID, key.id().value())
        .append(WORKSPACE_ID, key.workspaceId().value())
        .append(NAME, key.name())
        .append(HINT, key.hint())
        .append(SECRET_HASH, key.secretHash())
        .append(SCOPE, key.scope().name())
        .append(CREATED_BY, key.createdBy().value())
        .append(EXPIRES_AT, MongoSchema.toDate(key.expiresAt()))
        .append(LAST_USED_AT, MongoSchema.toDateOrNull(key.lastUsedAt()))
        .append(REVOKED_AT, MongoSchema.toDateOrNull(key.revokedAt()))
        .append(REPLACED_BY, key.replacedBy() == null ? null : key.replacedBy().value())
        .append(EXPIRY_WARNED_AT, MongoSchema.toDateOrNull(key.expiryWarnedAt()))
        .append(CREATED_AT, MongoSchema.toDate(key.createdAt()))
        .append(UPDATED_AT, MongoSchema.toDate(updatedAt))
        .append(SCHEMA_VERSION, MongoSchema.CURRENT_SCHEMA_VERSION);
  }

  /** The key a stored document describes. */
  public static ApiKey toDomain(Document document) {
    String replacedBy = document.getString(REPLACED_BY);
    return new ApiKey(
        new ApiKeyId(document.getString(ID)),
        new WorkspaceId(document.getString(WORKSPACE_ID)),
        document.getString(NAME),
        document.getString(HINT),
        document.getString(SECRET_HASH),
        ApiScope.valueOf(document.getString(SCOPE)),
        new UserId(document.getString(CREATED_BY)),
        MongoSchema.toInstant(document.getDate(CREATED_AT)),
        MongoSchema.toInstant(document.getDate(EXPIRES_AT)),
        MongoSchema.toInstantOrNull(document.getDate(LAST_USED_AT)),
        MongoSchema.toInstantOrNull(document.getDate(REVOKED_AT)),
        replacedBy == null ? null : new ApiKeyId(replacedBy),
        MongoSchema.toInstantOrNull(document.getDate(EXPIRY_WARNED_AT)));
  }
}
