package com.minichat.adapters.mongo.workspace;

import com.minichat.adapters.mongo.MongoErrors;
import com.minichat.adapters.mongo.MongoSchema;
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
import com.mongodb.client.result.UpdateResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * {@link WorkspaceRepository} on the {@code workspaces} collection. Widget-key uniqueness relies on
 * the unique index created by migration {@code 0001-create-indexes}; {@link #update} of an unknown
 * id throws {@link NotFoundException}.
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
    Document document = WorkspaceDocumentMapper.toDocument(workspace);
    UpdateResult result =
        MongoErrors.call(
            "update workspace",
            CONFLICT,
            () ->
                workspaces.replaceOne(
                    Filters.eq(MongoSchema.ID, workspace.id().value()), document));
    if (result.getMatchedCount() == 0) {
      throw new NotFoundException("Workspace not found");
    }
  }

  @Override
  public Optional<Workspace> findById(WorkspaceId id) {
    return findOne("find workspace by id", Filters.eq(MongoSchema.ID, id.value()));
  }

  @Override
  public Optional<Workspace> findByWidgetKey(WidgetKey widgetKey) {
    return findOne(
        "find workspace by widget key",
        Filters.eq(WorkspaceDocumentMapper.WIDGET_KEY, widgetKey.value()));
  }

  @Override
  public List<Workspace> findByOwner(UserId ownerId) {
    List<Document> found =
        MongoErrors.call(
            "find workspaces by owner",
            () ->
                workspaces
                    .find(Filters.eq(WorkspaceDocumentMapper.OWNER_ID, ownerId.value()))
                    .projection(WorkspaceDocumentMapper.PROJECTION)
                    .sort(Sorts.ascending(MongoSchema.CREATED_AT, MongoSchema.ID))
                    .into(new ArrayList<>()));
    return found.stream().map(WorkspaceDocumentMapper::toDomain).toList();
  }

  private Optional<Workspace> findOne(String operation, Bson filter) {
    Document found =
        MongoErrors.call(
            operation,
            () -> workspaces.find(filter).projection(WorkspaceDocumentMapper.PROJECTION).first());
    return Optional.ofNullable(found).map(WorkspaceDocumentMapper::toDomain);
  }
}
