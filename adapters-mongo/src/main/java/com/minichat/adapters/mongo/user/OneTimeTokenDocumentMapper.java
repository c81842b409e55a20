package com.minichat.adapters.mongo.user;

import static com.minichat.adapters.mongo.MongoSchema.CREATED_AT;
import static com.minichat.adapters.mongo.MongoSchema.ID;
import static com.minichat.adapters.mongo.MongoSchema.SCHEMA_VERSION;
import static com.minichat.adapters.mongo.MongoSchema.UPDATED_AT;

import com.minichat.adapters.mongo.MongoSchema;
import com.minichat.domain.user.OneTimeToken;
import com.minichat.domain.user.TokenPurpose;
import com.minichat.domain.user.UserId;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Maps {@link OneTimeToken} to and from documents of the {@code oneTimeTokens} collection: {@code
 * _id}, {@code userId}, {@code purpose} (enum name), {@code tokenHash} (unique), {@code expiresAt},
 * {@code usedAt} (date, or null while usable), {@code createdAt}, {@code updatedAt}, {@code
 * schemaVersion}.
 */
public final class OneTimeTokenDocumentMapper {
  public static final String USER_ID = "userId";
  public static final String PURPOSE = "purpose";
  public static final String TOKEN_HASH = "tokenHash";
  public static final String EXPIRES_AT = "expiresAt";
  public static final String USED_AT = "usedAt";

  /** The fields {@link #toDomain} reads. */
  public static final Bson PROJECTION =
      Projections.include(ID, USER_ID, PURPOSE, TOKEN_HASH, EXPIRES_AT, USED_AT, CREATED_AT);

  private OneTimeTokenDocumentMapper() {}

  /** The document stored for {@code token}. */
  public static Document toDocument(OneTimeToken token) {
    return new Document(ID, token.id())
        .append(USER_ID, token.userId().value())
        .append(PURPOSE, token.purpose().name())
        .append(TOKEN_HASH, token.tokenHash())
        .append(EXPIRES_AT, MongoSchema.toDate(token.expiresAt()))
        .append(USED_AT, MongoSchema.toDateOrNull(token.usedAt()))
        .append(CREATED_AT, MongoSchema.toDate(token.createdAt()))
        .append(
            UPDATED_AT,
            MongoSchema.toDate(token.usedAt() == null ? token.createdAt() : token.usedAt()))
        .append(SCHEMA_VERSION, MongoSchema.CURRENT_SCHEMA_VERSION);
  }

  /** The token a stored document describes. */
  public static OneTimeToken toDomain(Document document) {
    return new OneTimeToken(
        document.getString(ID),
        new UserId(document.getString(USER_ID)),
        TokenPurpose.valueOf(document.getString(PURPOSE)),
        document.getString(TOKEN_HASH),
        MongoSchema.toInstant(document.getDate(CREATED_AT)),
        MongoSchema.toInstant(document.getDate(EXPIRES_AT)),
        MongoSchema.toInstantOrNull(document.getDate(USED_AT)));
  }
}
