package com.minichat.application.fake;

import static com.minichat.application.fake.InMemoryPaging.millis;

import com.minichat.application.port.out.modelserver.ModelUploadRepository;
import com.minichat.domain.common.ConflictException;
import com.minichat.domain.common.NotFoundException;
import com.minichat.domain.modelserver.ModelUpload;
import com.minichat.domain.modelserver.ModelUploadId;
import com.minichat.domain.workspace.WorkspaceId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Thread-safe in-memory {@link ModelUploadRepository} with the semantics of the real adapters:
 * unique ids, {@link #update} of an unknown id fails with {@link NotFoundException}, every field
 * kept, instants at millisecond precision, newest first. It also keeps every version a job was
 * stored in, for tests that follow a job's steps.
 */
public final class InMemoryModelUploadRepository implements ModelUploadRepository {
  private static final Comparator<ModelUpload> NEWEST_FIRST =
      Comparator.comparing(ModelUpload::createdAt)
          .thenComparing(upload -> upload.id().value())
          .reversed();

  private final Map<ModelUploadId, ModelUpload> uploads = new LinkedHashMap<>();
  private final List<ModelUpload> history = new ArrayList<>();

  @Override
  public synchronized void insert(ModelUpload upload) {
    if (uploads.containsKey(upload.id())) {
      throw new ConflictException("A model upload with this id already exists");
    }
    store(upload);
  }

  @Override
  public synchronized void update(ModelUpload upload) {
    if (!uploads.containsKey(upload.id())) {
      throw new NotFoundException("Model upload not found");
    }
    store(upload);
  }

  @Override
  public synchronized Optional<ModelUpload> findById(ModelUploadId id) {
    return Optional.ofNullable(uploads.get(id));
  }

  @Override
  public synchronized List<ModelUpload> findRecent(WorkspaceId workspaceId, int limit) {
    return uploads.values().stream()
        .filter(upload -> upload.workspaceId().equals(workspaceId))
        .sorted(NEWEST_FIRST)
        .limit(limit)
        .toList();
  }

  /** Every version stored, oldest first; for assertions in tests. */
  public synchronized List<ModelUpload> history() {
    return List.copyOf(history);
  }

  private void store(ModelUpload upload) {
    ModelUpload stored =
        new ModelUpload(
            upload.id(),
            upload.workspaceId(),
            upload.serverId(),
            upload.model(),
            upload.state(),
            upload.bytesDone(),
            upload.bytesTotal(),
            upload.sha256(),
            upload.error(),
            millis(upload.createdAt()),
            millis(upload.updatedAt()));
    uploads.put(upload.id(), stored);
    history.add(stored);
  }
}
