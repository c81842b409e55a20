package com.minichat.adapters.mongo.webhook;

import static com.minichat.adapters.mongo.MongoSchema.CREATED_AT;
import static com.minichat.adapters.mongo.MongoSchema.ID;
import static com.minichat.adapters.mongo.MongoSchema.SCHEMA_VERSION;
import static com.minichat.adapters.mongo.MongoSchema.UPDATED_AT;

import com.minichat.adapters.mongo.MongoErrors;
import com.minichat.adapters.mongo.MongoSchema;
import com.minichat.application.port.out.webhook.WebhookRepository;
import com.minichat.domain.common.NotFoundException;
import com.minichat.domain.webhook.Webhook;
import com.minichat.domain.webhook.WebhookEvent;
import com.minichat.domain.webhook.WebhookId;
import com.minichat.domain.workspace.WorkspaceId;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.result.UpdateResult;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * {@link WebhookRepository} on the {@code webhooks} collection. Documents: {@code _id}, {@code
 * workspaceId}, {@code url}, {@code events} (array of wire names such as {@code message.created},
 * in declaration order), {@code encryptedSecret} (never the secret), {@code secretHint}, {@code
 * enabled}, {@code createdAt}, {@code updatedAt}, {@code schemaVersion}. A duplicate id is a {@code
 * ConflictException}; {@link #update} of an unknown id throws {@link NotFoundException}; {@link
 * #findByWorkspace} is served by the index of migration {@code 0004-webhooks}.
 */
public final class MongoWebhookRepository implements WebhookRepository {
  public static final String WORKSPACE_ID = "workspaceId";
  public static final String URL = "url";
  public static final String EVENTS = "events";
  public static final String ENCRYPTED_SECRET = "encryptedSecret";
  public static final String SECRET_HINT = "secretHint";
  public static final String ENABLED = "enabled";

  private static final String CONFLICT = "A webhook with this id already exists";
  private static final Bson PROJECTION =
      Projections.include(
          ID,
          WORKSPACE_ID,
          URL,
          EVENTS,
          ENCRYPTED_SECRET,
          SECRET_HINT,
          ENABLED,
          CREATED_AT,
          UPDATED_AT);

  private final MongoCollection<Document> webhooks;

  /** A repository on {@code database}, which must have been migrated. */
  public MongoWebhookRepository(MongoDatabase database) {
    this.webhooks =
        Objects.requireNonNull(database, "database").getCollection(MongoSchema.WEBHOOKS);
  }

  @Override
  public void insert(Webhook webhook) {
    Document document = toDocument(webhook);
    MongoErrors.call("insert webhook", CONFLICT, () -> webhooks.insertOne(document));
  }

  @Override
  public void update(Webhook webhook) {
    Document fields = toDocument(webhook);
    fields.remove(ID);
    UpdateResult result =
        MongoErrors.call(
            "update webhook",
            CONFLICT,
            () ->
                webhooks.updateOne(
                    Filters.eq(ID, webhook.id().value()), new Document("$set", fields)));
    if (result.getMatchedCount() == 0) {
      throw new NotFoundException("Webhook not found");
    }
  }

  @Override
  public void delete(WebhookId id) {
    MongoErrors.call("delete webhook", () -> webhooks.deleteOne(Filters.eq(ID, id.value())));
  }

  @Override
  public Optional<Webhook> findById(WebhookId id) {
    Document found =
        MongoErrors.call(
            "find webhook by id",
            () -> webhooks.find(Filters.eq(ID, id.value())).projection(PROJECTION).first());
    return Optional.ofNullable(found).map(MongoWebhookRepository::toDomain);
  }

  @Override
  public List<Webhook> findByWorkspace(WorkspaceId workspaceId) {
    List<Document> found =
        MongoErrors.call(
            "find webhooks of workspace",
            () ->
                webhooks
                    .find(Filters.eq(WORKSPACE_ID, workspaceId.value()))
                    .projection(PROJECTION)
                    .sort(Sorts.ascending(CREATED_AT, ID))
                    .into(new ArrayList<>()));
    return found.stream().map(MongoWebhookRepository::toDomain).toList();
  }

  private static Document toDocument(Webhook webhook) {
    List<String> events = inOrder(webhook.events()).stream().map(WebhookEvent::wireName).toList();
    return new Document(ID, webhook.id().value())
        .append(WORKSPACE_ID, webhook.workspaceId().value())
        .append(URL, webhook.url())
        .append(EVENTS, events)
        .append(ENCRYPTED_SECRET, webhook.encryptedSecret())
        .append(SECRET_HINT, webhook.secretHint())
        .append(ENABLED, webhook.enabled())
        .append(CREATED_AT, MongoSchema.toDate(webhook.createdAt()))
        .append(UPDATED_AT, MongoSchema.toDate(webhook.updatedAt()))
        .append(SCHEMA_VERSION, MongoSchema.CURRENT_SCHEMA_VERSION);
  }

  /** The events in declaration order, so that equal sets give equal documents. */
  private static EnumSet<WebhookEvent> inOrder(Set<WebhookEvent> events) {
    EnumSet<WebhookEvent> set = EnumSet.noneOf(WebhookEvent.class);
    set.addAll(events);
    return set;
  }

  private static Webhook toDomain(Document document) {
    Set<WebhookEvent> events = EnumSet.noneOf(WebhookEvent.class);
    for (String name : document.getList(EVENTS, String.class, List.of())) {
      events.add(
          WebhookEvent.fromWireName(name)
              .orElseThrow(() -> new IllegalStateException("unknown webhook event " + name)));
    }
    return new Webhook(
        new WebhookId(document.getString(ID)),
        new WorkspaceId(document.getString(WORKSPACE_ID)),
        document.getString(URL),
        events,
        document.getString(ENCRYPTED_SECRET),
        document.getString(SECRET_HINT),
        document.getBoolean(ENABLED, false),
        MongoSchema.toInstant(document.getDate(CREATED_AT)),
        MongoSchema.toInstant(document.getDate(UPDATED_AT)));
  }
}
