package com.minichat.adapters.mongo.modelserver;

import static com.minichat.adapters.mongo.MongoSchema.CREATED_AT;
import static com.minichat.adapters.mongo.MongoSchema.ID;
import static com.minichat.adapters.mongo.MongoSchema.SCHEMA_VERSION;
import static com.minichat.adapters.mongo.MongoSchema.UPDATED_AT;

import com.minichat.adapters.mongo.MongoErrors;
import com.minichat.adapters.mongo.MongoSchema;
import com.minichat.application.port.out.modelserver.ModelServerRepository;
import com.minichat.domain.modelserver.ModelServer;
import com.minichat.domain.modelserver.ModelServerId;
import com.minichat.domain.provider.ProviderType;
import com.minichat.domain.workspace.WorkspaceId;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * {@link ModelServerRepository} on the {@code modelServers} collection. Documents: {@code _id},
 * {@code workspaceId}, {@code name}, {@code type} (wire name such as {@code ollama}), {@code
 * baseUrl}, {@code encryptedApiKey} and {@code apiKeyHint} (both null without a key, never the
 * key), {@code createdAt}, {@code updatedAt}, {@code schemaVersion}. A duplicate id is a {@code
 * ConflictException}; the list is served by the index of migration {@code 0005-model-servers}.
 */
public final class MongoModelServerRepository implements ModelServerRepository {
  public static final String WORKSPACE_ID = "workspaceId";
  static final String NAME = "name";
  static final String TYPE = "type";
  static final String BASE_URL = "baseUrl";
  static final String ENCRYPTED_API_KEY = "encryptedApiKey";
  static final String API_KEY_HINT = "apiKeyHint";

  private final MongoCollection<Document> servers;

  /** A repository on {@code database}, which must have been migrated. */
  public MongoModelServerRepository(MongoDatabase database) {
    this.servers = database.getCollection(MongoSchema.MODEL_SERVERS);
  }

  @Override
  public void insert(ModelServer server) {
    Document document =
        new Document(ID, server.id().value())
            .append(WORKSPACE_ID, server.workspaceId().value())
            .append(NAME, server.name())
            .append(TYPE, server.type().wireName())
            .append(BASE_URL, server.baseUrl())
            .append(ENCRYPTED_API_KEY, server.encryptedApiKey())
            .append(API_KEY_HINT, server.apiKeyHint())
            .append(CREATED_AT, MongoSchema.toDate(server.createdAt()))
            .append(UPDATED_AT, MongoSchema.toDate(server.createdAt()))
            .append(SCHEMA_VERSION, MongoSchema.CURRENT_SCHEMA_VERSION);
    MongoErrors.call(
        "insert model server",
        "A model server with this id already exists",
        () -> servers.insertOne(document));
  }

  @Override
  public void delete(ModelServerId id) {
    MongoErrors.call("delete model server", () -> servers.deleteOne(Filters.eq(ID, id.value())));
  }

  @Override
  public Optional<ModelServer> findById(ModelServerId id) {
    Document found =
        MongoErrors.call(
            "find model server", () -> servers.find(Filters.eq(ID, id.value())).first());
    return Optional.ofNullable(found).map(MongoModelServerRepository::toDomain);
  }

  @Override
  public List<ModelServer> findByWorkspace(WorkspaceId workspaceId) {
    List<Document> found =
        MongoErrors.call(
            "find model servers of workspace",
            () ->
                servers
                    .find(Filters.eq(WORKSPACE_ID, workspaceId.value()))
                    .sort(Sorts.ascending(CREATED_AT, ID))
                    .into(new ArrayList<>()));
    return found.stream().map(MongoModelServerRepository::toDomain).toList();
  }

  private static ModelServer toDomain(Document document) {
    return new ModelServer(
        new ModelServerId(document.getString(ID)),
        new WorkspaceId(document.getString(WORKSPACE_ID)),
        document.getString(NAME),
        ProviderType.fromWireName(document.getString(TYPE))
            .orElseThrow(
                () -> new IllegalStateException("unknown server type " + document.get(TYPE))),
        document.getString(BASE_URL),
        document.getString(ENCRYPTED_API_KEY),
        document.getString(API_KEY_HINT),
        MongoSchema.toInstant(document.getDate(CREATED_AT)));
  }
}
