package com.minichat.adapters.mongo.modelserver;

import static com.minichat.adapters.mongo.MongoSchema.CREATED_AT;
import static com.minichat.adapters.mongo.MongoSchema.ID;
import static com.minichat.adapters.mongo.MongoSchema.SCHEMA_VERSION;
import static com.minichat.adapters.mongo.MongoSchema.UPDATED_AT;

import com.minichat.adapters.mongo.MongoErrors;
import com.minichat.adapters.mongo.MongoSchema;
import com.minichat.application.port.out.modelserver.ModelUploadRepository;
import com.minichat.domain.common.NotFoundException;
import com.minichat.domain.modelserver.ModelServerId;
import com.minichat.domain.modelserver.ModelUpload;
import com.minichat.domain.modelserver.ModelUploadId;
import com.minichat.domain.modelserver.ModelUploadState;
import com.minichat.domain.workspace.WorkspaceId;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.result.UpdateResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * {@link ModelUploadRepository} on the {@code modelUploads} collection. Documents: {@code _id},
 * {@code workspaceId}, {@code serverId}, {@code model}, {@code state} (wire name such as {@code
 * uploading}), {@code bytesDone}, {@code bytesTotal}, {@code sha256} and {@code error} (each null
 * until known), {@code createdAt}, {@code updatedAt}, {@code schemaVersion}. A duplicate id is a
 * {@code ConflictException}; {@link #update} of an unknown id throws {@link NotFoundException}; the
 * recent list is served by the index of migration {@code 0005-model-servers}.
 */
public final class MongoModelUploadRepository implements ModelUploadRepository {
  public static final String WORKSPACE_ID = "workspaceId";
  static final String SERVER_ID = "serverId";
  static final String MODEL = "model";
  static final String STATE = "state";
  static final String BYTES_DONE = "bytesDone";
  static final String BYTES_TOTAL = "bytesTotal";
  static final String SHA256 = "sha256";
  static final String ERROR = "error";

  private static final String CONFLICT = "A model upload with this id already exists";

  private final MongoCollection<Document> uploads;

  /** A repository on {@code database}, which must have been migrated. */
  public MongoModelUploadRepository(MongoDatabase database) {
    this.uploads = database.getCollection(MongoSchema.MODEL_UPLOADS);
  }

  @Override
  public void insert(ModelUpload upload) {
    Document document = toDocument(upload);
    MongoErrors.call("insert model upload", CONFLICT, () -> uploads.insertOne(document));
  }

  @Override
  public void update(ModelUpload upload) {
    Document fields = toDocument(upload);
    fields.remove(ID);
    UpdateResult result =
        MongoErrors.call(
            "update model upload",
            CONFLICT,
            () ->
                uploads.updateOne(
                    Filters.eq(ID, upload.id().value()), new Document("$set", fields)));
    if (result.getMatchedCount() == 0) {
      throw new NotFoundException("Model upload not found");
    }
  }

  @Override
  public Optional<ModelUpload> findById(ModelUploadId id) {
    Document found =
        MongoErrors.call(
            "find model upload", () -> uploads.find(Filters.eq(ID, id.value())).first());
    return Optional.ofNullable(found).map(MongoModelUploadRepository::toDomain);
  }

  @Override
  public List<ModelUpload> findRecent(WorkspaceId workspaceId, int limit) {
    List<Document> found =
        MongoErrors.call(
            "find recent model uploads",
            () ->
                uploads
                    .find(Filters.eq(WORKSPACE_ID, workspaceId.value()))
                    .sort(Sorts.descending(CREATED_AT, ID))
                    .limit(limit)
                    .into(new ArrayList<>()));
    return found.stream().map(MongoModelUploadRepository::toDomain).toList();
  }

  private static Document toDocument(ModelUpload upload) {
    return new Document(ID, upload.id().value())
        .append(WORKSPACE_ID, upload.workspaceId().value())
        .append(SERVER_ID, upload.serverId().value())
        .append(MODEL, upload.model())
        .append(STATE, upload.state().wireName())
        .append(BYTES_DONE, upload.bytesDone())
        .append(BYTES_TOTAL, upload.bytesTotal())
        .append(SHA256, upload.sha256())
        .append(ERROR, upload.error())
        .append(CREATED_AT, MongoSchema.toDate(upload.createdAt()))
        .append(UPDATED_AT, MongoSchema.toDate(upload.updatedAt()))
        .append(SCHEMA_VERSION, MongoSchema.CURRENT_SCHEMA_VERSION);
  }

  private static ModelUpload toDomain(Document document) {
    Number total = document.get(BYTES_TOTAL, Number.class);
    return new ModelUpload(
        new ModelUploadId(document.getString(ID)),
        new WorkspaceId(document.getString(WORKSPACE_ID)),
        new ModelServerId(document.getString(SERVER_ID)),
        document.getString(MODEL),
        ModelUploadState.fromWireName(document.getString(STATE))
            .orElseThrow(
                () -> new IllegalStateException("unknown upload state " + document.get(STATE))),
        document.get(BYTES_DONE, Number.class).longValue(),
        total == null ? null : total.longValue(),
        document.getString(SHA256),
        document.getString(ERROR),
        MongoSchema.toInstant(document.getDate(CREATED_AT)),
        MongoSchema.toInstant(document.getDate(UPDATED_AT)));
  }
}
