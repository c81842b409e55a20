package com.minichat.adapters.mongo.apikey;

import static com.minichat.adapters.mongo.apikey.ApiKeyDocumentMapper.LAST_USED_AT;
import static com.minichat.adapters.mongo.apikey.ApiKeyDocumentMapper.SECRET_HASH;
import static com.minichat.adapters.mongo.apikey.ApiKeyDocumentMapper.WORKSPACE_ID;

import com.minichat.adapters.mongo.MongoErrors;
import com.minichat.adapters.mongo.MongoSchema;
import com.minichat.application.port.out.apikey.ApiKeyRepository;
import com.minichat.domain.apikey.ApiKey;
import com.minichat.domain.apikey.ApiKeyId;
import com.minichat.domain.common.DomainException;
import com.minichat.domain.common.NotFoundException;
import com.minichat.domain.workspace.WorkspaceId;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ApiKeyRepository} on the {@code apiKeys} collection. Secret-hash uniqueness relies on the
 * unique index created by migration {@code 0003-teams-and-api-keys}; {@link #update} of an unknown
 * id throws {@link NotFoundException}. {@code lastUsedAt} never moves backwards: {@link #touch} is
 * a single {@code $max} on it (concurrent requests need no read), and {@link #update} writes it
 * with {@code $max} too, so a touch between a caller's read and its update is kept. Touch never
 * fails: a database error is logged and swallowed, since recording use must not refuse an
 * authenticated request.
 */
public final class MongoApiKeyRepository implements ApiKeyRepository {
  private static final Logger LOG = LoggerFactory.getLogger(MongoApiKeyRepository.class);
  private static final String CONFLICT = "An API key with this id or secret already exists";

  private final MongoCollection<Document> keys;
  private final Clock clock;

  /** A repository on {@code database}, which must have been migrated. */
  public MongoApiKeyRepository(MongoDatabase database) {
    this(database, Clock.systemUTC());
  }

  /** A repository that stamps {@code updatedAt} of updated documents with {@code clock}. */
  public MongoApiKeyRepository(MongoDatabase database, Clock clock) {
    this.keys = Objects.requireNonNull(database, "database").getCollection(MongoSchema.API_KEYS);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void insert(ApiKey key) {
    Document document = ApiKeyDocumentMapper.toDocument(key, key.createdAt());
    MongoErrors.call("insert api key", CONFLICT, () -> keys.insertOne(document));
  }

  @Override
  public void update(ApiKey key) {
    Document fields = ApiKeyDocumentMapper.toDocument(key, clock.instant());
    fields.remove(MongoSchema.ID);
    Object lastUsedAt = fields.remove(LAST_USED_AT);
    // lastUsedAt only moves forward: a touch between the caller's read and this write stays.
    Bson change =
        Updates.combine(new Document("$set", fields), Updates.max(LAST_USED_AT, lastUsedAt));
    UpdateResult result =
        MongoErrors.call(
            "update api key",
            CONFLICT,
            () -> keys.updateOne(Filters.eq(MongoSchema.ID, key.id().value()), change));
    if (result.getMatchedCount() == 0) {
      throw new NotFoundException("API key not found");
    }
  }

  @Override
  public List<ApiKey> findExpiringUnwarned(Instant now) {
    Bson expiring =
        Filters.and(
            Filters.eq(ApiKeyDocumentMapper.EXPIRY_WARNED_AT, null),
            Filters.eq(ApiKeyDocumentMapper.REVOKED_AT, null),
            Filters.eq(ApiKeyDocumentMapper.REPLACED_BY, null),
            Filters.gt(ApiKeyDocumentMapper.EXPIRES_AT, MongoSchema.toDate(now)),
            Filters.lte(
                ApiKeyDocumentMapper.EXPIRES_AT,
                MongoSchema.toDate(now.plus(ApiKey.EXPIRY_WARNING))));
    List<Document> found =
        MongoErrors.call(
            "find expiring api keys",
            () ->
                keys.find(expiring)
                    .projection(ApiKeyDocumentMapper.PROJECTION)
                    .into(new ArrayList<>()));
    return found.stream().map(ApiKeyDocumentMapper::toDomain).toList();
  }

  @Override
  public Optional<ApiKey> findById(ApiKeyId id) {
    return findOne("find api key by id", Filters.eq(MongoSchema.ID, id.value()));
  }

  @Override
  public Optional<ApiKey> findBySecretHash(String secretHash) {
    return findOne("find api key by secret hash", Filters.eq(SECRET_HASH, secretHash));
  }

  @Override
  public List<ApiKey> findByWorkspace(WorkspaceId workspaceId) {
    List<Document> found =
        MongoErrors.call(
            "find api keys of workspace",
            () ->
                keys.find(Filters.eq(WORKSPACE_ID, workspaceId.value()))
                    .projection(ApiKeyDocumentMapper.PROJECTION)
                    .sort(Sorts.descending(MongoSchema.CREATED_AT, MongoSchema.ID))
                    .into(new ArrayList<>()));
    return found.stream().map(ApiKeyDocumentMapper::toDomain).toList();
  }

  @Override
  public void touch(ApiKeyId id, Instant at) {
    try {
      MongoErrors.call(
          "touch api key",
          () ->
              keys.updateOne(
                  Filters.eq(MongoSchema.ID, id.value()),
                  Updates.max(LAST_USED_AT, MongoSchema.toDate(at))));
    } catch (DomainException e) {
      // Already logged by MongoErrors; the request the key authenticated goes on.
      LOG.debug("api key use not recorded keyId={}", id.value());
    }
  }

  private Optional<ApiKey> findOne(String operation, Bson filter) {
    Document found =
        MongoErrors.call(
            operation, () -> keys.find(filter).projection(ApiKeyDocumentMapper.PROJECTION).first());
    return Optional.ofNullable(found).map(ApiKeyDocumentMapper::toDomain);
  }
}
