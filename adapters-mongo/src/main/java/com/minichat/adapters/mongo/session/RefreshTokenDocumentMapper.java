package com.minichat.adapters.mongo.session;

import static com.minichat.adapters.mongo.MongoSchema.CREATED_AT;
import static com.minichat.adapters.mongo.MongoSchema.ID;
import static com.minichat.adapters.mongo.MongoSchema.SCHEMA_VERSION;
import static com.minichat.adapters.mongo.MongoSchema.UPDATED_AT;

import com.minichat.adapters.mongo.MongoSchema;
import com.minichat.domain.session.RefreshToken;
import com.minichat.domain.user.UserId;
import com.mongodb.client.model.Projections;
import java.time.Instant;
import java.util.Objects;
import java.util.stream.Stream;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Maps {@link RefreshToken} to and from documents of the {@code refreshTokens} collection: {@code
 * _id}, {@code familyId}, {@code userId}, {@code tokenHash} (unique), {@code expiresAt}, {@code
 * usedAt} and {@code revokedAt} (dates, or null), {@code createdAt}, {@code updatedAt}, {@code
 * schemaVersion}.
 */
public final class RefreshTokenDocumentMapper {
  public static final String FAMILY_ID = "familyId";
  public static final String USER_ID = "userId";
  public static final String TOKEN_HASH = "tokenHash";
  public static final String EXPIRES_AT = "expiresAt";
  public static final String USED_AT = "usedAt";
  public static final String REVOKED_AT = "revokedAt";

  /** The fields {@link #toDomain} reads. */
  public static final Bson PROJECTION =
      Projections.include(
          ID, FAMILY_ID, USER_ID, TOKEN_HASH, EXPIRES_AT, USED_AT, REVOKED_AT, CREATED_AT);

  private RefreshTokenDocumentMapper() {}

  /** The document stored for {@code token}. */
  public static Document toDocument(RefreshToken token) {
    Instant updatedAt =
        Stream.of(token.createdAt(), token.usedAt(), token.revokedAt())
            .filter(Objects::nonNull)
            .max(Instant::compareTo)
            .orElseThrow();
    return new Document(ID, token.id())
        .append(FAMILY_ID, token.familyId())
        .append(USER_ID, token.userId().value())
        .append(TOKEN_HASH, token.tokenHash())
        .append(EXPIRES_AT, MongoSchema.toDate(token.expiresAt()))
        .append(USED_AT, MongoSchema.toDateOrNull(token.usedAt()))
        .append(REVOKED_AT, MongoSchema.toDateOrNull(token.revokedAt()))
        .append(CREATED_AT, MongoSchema.toDate(token.createdAt()))
        .append(UPDATED_AT, MongoSchema.toDate(updatedAt))
        .append(SCHEMA_VERSION, MongoSchema.CURRENT_SCHEMA_VERSION);
  }

  /** The token a stored document describes. */
  public static RefreshToken toDomain(Document document) {
    return new RefreshToken(
        document.getString(ID),
        document.getString(FAMILY_ID),
        new UserId(document.getString(USER_ID)),
        document.getString(TOKEN_HASH),
        MongoSchema.toInstant(document.getDate(CREATED_AT)),
        MongoSchema.toInstant(document.getDate(EXPIRES_AT)),
        MongoSchema.toInstantOrNull(document.getDate(USED_AT)),
        MongoSchema.toInstantOrNull(document.getDate(REVOKED_AT)));
  }
}
