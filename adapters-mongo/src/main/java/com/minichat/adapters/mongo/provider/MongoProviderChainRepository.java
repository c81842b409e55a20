package com.minichat.adapters.mongo.provider;

import com.minichat.adapters.mongo.MongoErrors;
import com.minichat.adapters.mongo.MongoSchema;
import com.minichat.application.port.out.provider.ProviderChainRepository;
import com.minichat.domain.modelserver.ModelServerId;
import com.minichat.domain.provider.ProviderConfig;
import com.minichat.domain.provider.ProviderType;
import com.minichat.domain.workspace.WorkspaceId;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.List;
import org.bson.Document;

/**
 * Provider chains in the {@code providerChains} collection, one document per workspace (the
 * workspace id is the document id). API keys arrive already encrypted and are stored as they are.
 * An entry naming a registered model server has {@code serverId}; older entries lack the field.
 */
public final class MongoProviderChainRepository implements ProviderChainRepository {
  static final String PROVIDERS = "providers";
  static final String TYPE = "type";
  static final String MODEL = "model";
  static final String BASE_URL = "baseUrl";
  static final String ENCRYPTED_API_KEY = "encryptedApiKey";
  static final String API_KEY_HINT = "apiKeyHint";
  static final String SERVER_ID = "serverId";

  private final MongoCollection<Document> chains;

  public MongoProviderChainRepository(MongoDatabase database) {
    this.chains = database.getCollection(MongoSchema.PROVIDER_CHAINS);
  }

  @Override
  public List<ProviderConfig> find(WorkspaceId workspaceId) {
    Document document =
        MongoErrors.call(
            "find provider chain",
            () -> chains.find(Filters.eq(MongoSchema.ID, workspaceId.value())).first());
    if (document == null) {
      return List.of();
    }
    return document.getList(PROVIDERS, Document.class, List.of()).stream()
        .map(
            provider ->
                new ProviderConfig(
                    ProviderType.fromWireName(provider.getString(TYPE)).orElseThrow(),
                    provider.getString(MODEL),
                    provider.getString(BASE_URL),
                    provider.getString(ENCRYPTED_API_KEY),
                    provider.getString(API_KEY_HINT),
                    provider.getString(SERVER_ID) == null
                        ? null
                        : new ModelServerId(provider.getString(SERVER_ID))))
        .toList();
  }

  @Override
  public void save(WorkspaceId workspaceId, List<ProviderConfig> chain, Instant at) {
    List<Document> providers =
        chain.stream()
            .map(
                provider ->
                    new Document(TYPE, provider.type().wireName())
                        .append(MODEL, provider.model())
                        .append(BASE_URL, provider.baseUrl())
                        .append(ENCRYPTED_API_KEY, provider.encryptedApiKey())
                        .append(API_KEY_HINT, provider.apiKeyHint())
                        .append(
                            SERVER_ID,
                            provider.serverId() == null ? null : provider.serverId().value()))
            .toList();
    MongoErrors.call(
        "save provider chain",
        () ->
            chains.updateOne(
                Filters.eq(MongoSchema.ID, workspaceId.value()),
                Updates.combine(
                    Updates.set(PROVIDERS, providers),
                    Updates.set(MongoSchema.UPDATED_AT, MongoSchema.toDate(at)),
                    Updates.set(MongoSchema.SCHEMA_VERSION, MongoSchema.CURRENT_SCHEMA_VERSION),
                    Updates.setOnInsert(MongoSchema.CREATED_AT, MongoSchema.toDate(at))),
                new UpdateOptions().upsert(true)));
  }
}
