package com.minichat.adapters.mongo.session;

import static com.minichat.adapters.mongo.session.RefreshTokenDocumentMapper.EXPIRES_AT;
import static com.minichat.adapters.mongo.session.RefreshTokenDocumentMapper.FAMILY_ID;
import static com.minichat.adapters.mongo.session.RefreshTokenDocumentMapper.REVOKED_AT;
import static com.minichat.adapters.mongo.session.RefreshTokenDocumentMapper.TOKEN_HASH;
import static com.minichat.adapters.mongo.session.RefreshTokenDocumentMapper.USED_AT;
import static com.minichat.adapters.mongo.session.RefreshTokenDocumentMapper.USER_ID;

import com.minichat.adapters.mongo.MongoErrors;
import com.minichat.adapters.mongo.MongoSchema;
import com.minichat.application.port.out.session.RefreshTokenRepository;
import com.minichat.domain.session.RefreshToken;
import com.minichat.domain.user.UserId;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * {@link RefreshTokenRepository} on the {@code refreshTokens} collection. Token-hash uniqueness
 * relies on the unique index created by migration {@code 0002-create-token-and-audit-indexes}.
 * {@link #markUsed} is a single conditional update (unused and unrevoked), so of concurrent
 * refreshes exactly one succeeds. Revoking keeps the time of the first revocation. Expired tokens
 * stay until a clean-up job removes them (no TTL index: mongo-java-server never applies one).
 */
public final class MongoRefreshTokenRepository implements RefreshTokenRepository {
  private static final String CONFLICT = "This refresh token already exists";

  private final MongoCollection<Document> tokens;

  /** A repository on {@code database}, which must have been migrated. */
  public MongoRefreshTokenRepository(MongoDatabase database) {
    this.tokens =
        Objects.requireNonNull(database, "database").getCollection(MongoSchema.REFRESH_TOKENS);
  }

  @Override
  public void insert(RefreshToken token) {
    Document document = RefreshTokenDocumentMapper.toDocument(token);
    MongoErrors.call("insert refresh token", CONFLICT, () -> tokens.insertOne(document));
  }

  @Override
  public Optional<RefreshToken> findByHash(String tokenHash) {
    Document found =
        MongoErrors.call(
            "find refresh token by hash",
            () ->
                tokens
                    .find(Filters.eq(TOKEN_HASH, tokenHash))
                    .projection(RefreshTokenDocumentMapper.PROJECTION)
                    .first());
    return Optional.ofNullable(found).map(RefreshTokenDocumentMapper::toDomain);
  }

  @Override
  public boolean markUsed(String id, Instant now) {
    Date at = MongoSchema.toDate(now);
    Bson current =
        Filters.and(
            Filters.eq(MongoSchema.ID, id),
            Filters.eq(USED_AT, null),
            Filters.eq(REVOKED_AT, null));
    UpdateResult result =
        MongoErrors.call(
            "mark refresh token used",
            () ->
                tokens.updateOne(
                    current,
                    Updates.combine(
                        Updates.set(USED_AT, at), Updates.set(MongoSchema.UPDATED_AT, at))));
    return result.getModifiedCount() == 1;
  }

  @Override
  public void revokeFamily(String familyId, Instant now) {
    revokeWhere("revoke refresh token family", Filters.eq(FAMILY_ID, familyId), now);
  }

  @Override
  public void revokeAllOfUser(UserId userId, String keepFamilyId, Instant now) {
    Bson ofUser = Filters.eq(USER_ID, userId.value());
    Bson selected =
        keepFamilyId == null ? ofUser : Filters.and(ofUser, Filters.ne(FAMILY_ID, keepFamilyId));
    revokeWhere("revoke refresh tokens of user", selected, now);
  }

  @Override
  public List<RefreshToken> findActiveOfUser(UserId userId, Instant now) {
    Bson active =
        Filters.and(
            Filters.eq(USER_ID, userId.value()),
            Filters.eq(USED_AT, null),
            Filters.eq(REVOKED_AT, null),
            Filters.gt(EXPIRES_AT, MongoSchema.toDate(now)));
    List<Document> found =
        MongoErrors.call(
            "find active refresh tokens of user",
            () ->
                tokens
                    .find(active)
                    .projection(RefreshTokenDocumentMapper.PROJECTION)
                    .sort(Sorts.descending(MongoSchema.CREATED_AT, MongoSchema.ID))
                    .into(new ArrayList<>()));
    return found.stream().map(RefreshTokenDocumentMapper::toDomain).toList();
  }

  private void revokeWhere(String operation, Bson selected, Instant now) {
    Date at = MongoSchema.toDate(now);
    Bson notYetRevoked = Filters.and(selected, Filters.eq(REVOKED_AT, null));
    MongoErrors.call(
        operation,
        () ->
            tokens.updateMany(
                notYetRevoked,
                Updates.combine(
                    Updates.set(REVOKED_AT, at), Updates.set(MongoSchema.UPDATED_AT, at))));
  }
}
