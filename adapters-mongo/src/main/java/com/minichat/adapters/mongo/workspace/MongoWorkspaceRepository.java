package com.minichat.adapters.mongo.workspace;

import static com.minichat.adapters.mongo.workspace.WorkspaceDocumentMapper.DELETED_AT;
import static com.minichat.adapters.mongo.workspace.WorkspaceDocumentMapper.RESTORED_AT;

import com.minichat.adapters.mongo.MongoErrors;
import com.minichat.adapters.mongo.MongoSchema;
import com.minichat.application.port.out.workspace.DeletedWorkspace;
import com.minichat.application.port.out.workspace.WorkspaceRepository;
import com.minichat.domain.common.NotFoundException;
import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.WidgetKey;
import com.minichat.domain.workspace.Workspace;
import com.minichat.domain.workspace.WorkspaceId;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * {@link WorkspaceRepository} on the {@code workspaces} collection. Widget-key uniqueness relies on
 * the unique index created by migration {@code 0001-create-indexes}; {@link #update} of an unknown
 * or deleted id throws {@link NotFoundException}.
 *
 * <p>Soft delete: {@code deletedAt} holds the deletion time; every finder asks for {@code
 * deletedAt: null}, which matches both an explicit null and a missing field (documents written
 * before soft delete existed), on MongoDB and on mongo-java-server alike. A deleted workspace keeps
 * its id and widget key. {@link #update} sets the workspace's fields with {@code $set}, so fields
 * it does not know ({@code restoredAt}, later additions) survive.
 */
public final class MongoWorkspaceRepository implements WorkspaceRepository {
  private static final String CONFLICT = "This widget key is already in use";

  private final MongoCollection<Document> workspaces;

  /** A repository on {@code database}, which must have been migrated. */
  public MongoWorkspaceRepository(MongoDatabase database) {
    this.workspaces =
        Objects.requireNonNull(database, "database").getCollection(MongoSchema.WORKSPACES);
  }

  @Override
  public void insert(Workspace workspace) {
    Document document = WorkspaceDocumentMapper.toDocument(workspace);
    MongoErrors.call("insert workspace", CONFLICT, () -> workspaces.insertOne(document));
  }

  @Override
  public void update(Workspace workspace) {
    Document fields = WorkspaceDocumentMapper.toDocument(workspace);
    fields.remove(MongoSchema.ID);
    UpdateResult result =
        MongoErrors.call(
            "update workspace",
            CONFLICT,
            () -> workspaces.updateOne(live(workspace.id()), new Document("$set", fields)));
    if (result.getMatchedCount() == 0) {
      throw new NotFoundException("Workspace not found");
    }
  }

  @Override
  public Optional<Workspace> findById(WorkspaceId id) {
    return findOne("find workspace by id", live(id)).map(WorkspaceDocumentMapper::toDomain);
  }

  @Override
  public Optional<Workspace> findByWidgetKey(WidgetKey widgetKey) {
    return findOne(
            "find workspace by widget key",
            Filters.and(
                Filters.eq(WorkspaceDocumentMapper.WIDGET_KEY, widgetKey.value()), notDeleted()))
        .map(WorkspaceDocumentMapper::toDomain);
  }

  @Override
  public List<Workspace> findByOwner(UserId ownerId) {
    Bson filter =
        Filters.and(Filters.eq(WorkspaceDocumentMapper.OWNER_ID, ownerId.value()), notDeleted());
    List<Document> found =
        MongoErrors.call(
            "find workspaces by owner",
            () ->
                workspaces
                    .find(filter)
                    .projection(WorkspaceDocumentMapper.PROJECTION)
                    .sort(Sorts.ascending(MongoSchema.CREATED_AT, MongoSchema.ID))
                    .into(new ArrayList<>()));
    return found.stream().map(WorkspaceDocumentMapper::toDomain).toList();
  }

  @Override
  public List<Workspace> findByIds(Collection<WorkspaceId> ids) {
    LinkedHashSet<String> values = new LinkedHashSet<>();
    ids.forEach(id -> values.add(id.value()));
    if (values.isEmpty()) {
      return List.of();
    }
    Bson filter = Filters.and(Filters.in(MongoSchema.ID, values), notDeleted());
    List<Document> found =
        MongoErrors.call(
            "find workspaces by ids",
            () ->
                workspaces
                    .find(filter)
                    .projection(WorkspaceDocumentMapper.PROJECTION)
                    .into(new ArrayList<>()));
    return found.stream().map(WorkspaceDocumentMapper::toDomain).toList();
  }

  @Override
  public void markDeleted(WorkspaceId id, Instant at) {
    UpdateResult result =
        MongoErrors.call(
            "mark workspace deleted",
            () -> workspaces.updateOne(live(id), Updates.set(DELETED_AT, MongoSchema.toDate(at))));
    if (result.getMatchedCount() == 0) {
      throw new NotFoundException("Workspace not found");
    }
  }

  @Override
  public Optional<DeletedWorkspace> findDeleted(WorkspaceId id) {
    return findOne("find deleted workspace", deleted(id))
        .map(
            document ->
                new DeletedWorkspace(
                    WorkspaceDocumentMapper.toDomain(document),
                    WorkspaceDocumentMapper.deletedAt(document)));
  }

  @Override
  public void restore(WorkspaceId id, Instant at) {
    UpdateResult result =
        MongoErrors.call(
            "restore workspace",
            () ->
                workspaces.updateOne(
                    deleted(id),
                    Updates.combine(
                        Updates.set(DELETED_AT, null),
                        Updates.set(RESTORED_AT, MongoSchema.toDate(at)))));
    if (result.getMatchedCount() == 0) {
      throw new NotFoundException("No deleted workspace with this id");
    }
  }

  /** Live workspaces: {@code deletedAt} null or missing. */
  private static Bson notDeleted() {
    return Filters.eq(DELETED_AT, null);
  }

  private static Bson live(WorkspaceId id) {
    return Filters.and(Filters.eq(MongoSchema.ID, id.value()), notDeleted());
  }

  private static Bson deleted(WorkspaceId id) {
    return Filters.and(Filters.eq(MongoSchema.ID, id.value()), Filters.ne(DELETED_AT, null));
  }

  private Optional<Document> findOne(String operation, Bson filter) {
    return Optional.ofNullable(
        MongoErrors.call(
            operation,
            () -> workspaces.find(filter).projection(WorkspaceDocumentMapper.PROJECTION).first()));
  }
}
