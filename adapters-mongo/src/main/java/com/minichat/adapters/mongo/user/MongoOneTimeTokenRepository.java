package com.minichat.adapters.mongo.user;

import static com.minichat.adapters.mongo.user.OneTimeTokenDocumentMapper.EXPIRES_AT;
import static com.minichat.adapters.mongo.user.OneTimeTokenDocumentMapper.PURPOSE;
import static com.minichat.adapters.mongo.user.OneTimeTokenDocumentMapper.TOKEN_HASH;
import static com.minichat.adapters.mongo.user.OneTimeTokenDocumentMapper.USED_AT;
import static com.minichat.adapters.mongo.user.OneTimeTokenDocumentMapper.USER_ID;

import com.minichat.adapters.mongo.MongoErrors;
import com.minichat.adapters.mongo.MongoSchema;
import com.minichat.application.port.out.user.OneTimeTokenRepository;
import com.minichat.domain.user.OneTimeToken;
import com.minichat.domain.user.TokenPurpose;
import com.minichat.domain.user.UserId;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * {@link OneTimeTokenRepository} on the {@code oneTimeTokens} collection. Token-hash uniqueness
 * relies on the unique index created by migration {@code 0002-create-token-and-audit-indexes}.
 * {@link #consume} is a single {@code findOneAndUpdate} whose filter requires the token to be
 * unused, unexpired and of the purpose, so of concurrent requests exactly one wins. {@link
 * #invalidateAll} sets {@code usedAt} of the unused tokens. Expired tokens stay until a clean-up
 * job removes them (no TTL index: mongo-java-server never applies one).
 */
public final class MongoOneTimeTokenRepository implements OneTimeTokenRepository {
  private static final String CONFLICT = "This token already exists";

  private final MongoCollection<Document> tokens;

  /** A repository on {@code database}, which must have been migrated. */
  public MongoOneTimeTokenRepository(MongoDatabase database) {
    this.tokens =
        Objects.requireNonNull(database, "database").getCollection(MongoSchema.ONE_TIME_TOKENS);
  }

  @Override
  public void insert(OneTimeToken token) {
    Document document = OneTimeTokenDocumentMapper.toDocument(token);
    MongoErrors.call("insert one-time token", CONFLICT, () -> tokens.insertOne(document));
  }

  @Override
  public Optional<OneTimeToken> findUsable(String tokenHash, TokenPurpose purpose, Instant now) {
    Document found =
        MongoErrors.call(
            "find usable one-time token",
            () ->
                tokens
                    .find(usable(tokenHash, purpose, now))
                    .projection(OneTimeTokenDocumentMapper.PROJECTION)
                    .first());
    return Optional.ofNullable(found).map(OneTimeTokenDocumentMapper::toDomain);
  }

  @Override
  public Optional<OneTimeToken> consume(String tokenHash, TokenPurpose purpose, Instant now) {
    Date at = MongoSchema.toDate(now);
    FindOneAndUpdateOptions options =
        new FindOneAndUpdateOptions()
            .returnDocument(ReturnDocument.AFTER)
            .projection(OneTimeTokenDocumentMapper.PROJECTION);
    Document used =
        MongoErrors.call(
            "consume one-time token",
            () -> tokens.findOneAndUpdate(usable(tokenHash, purpose, now), markUsed(at), options));
    return Optional.ofNullable(used).map(OneTimeTokenDocumentMapper::toDomain);
  }

  @Override
  public void invalidateAll(UserId userId, TokenPurpose purpose, Instant now) {
    Bson unused =
        Filters.and(
            Filters.eq(USER_ID, userId.value()),
            Filters.eq(PURPOSE, purpose.name()),
            Filters.eq(USED_AT, null));
    MongoErrors.call(
        "invalidate one-time tokens",
        () -> tokens.updateMany(unused, markUsed(MongoSchema.toDate(now))));
  }

  private static Bson usable(String tokenHash, TokenPurpose purpose, Instant now) {
    return Filters.and(
        Filters.eq(TOKEN_HASH, tokenHash),
        Filters.eq(PURPOSE, purpose.name()),
        Filters.eq(USED_AT, null),
        Filters.gt(EXPIRES_AT, MongoSchema.toDate(now)));
  }

  private static Bson markUsed(Date at) {
    return Updates.combine(Updates.set(USED_AT, at), Updates.set(MongoSchema.UPDATED_AT, at));
  }
}
