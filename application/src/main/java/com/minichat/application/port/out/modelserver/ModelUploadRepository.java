package com.minichat.application.port.out.modelserver;

import com.minichat.domain.modelserver.ModelUpload;
import com.minichat.domain.modelserver.ModelUploadId;
import com.minichat.domain.workspace.WorkspaceId;
import java.util.List;
import java.util.Optional;

/**
 * Stores model upload jobs, so that every instance can report a job's progress whichever instance
 * works on it.
 */
public interface ModelUploadRepository {
  /** Stores a new job; a duplicate id is a {@code ConflictException}. */
  void insert(ModelUpload upload);

  /** Replaces the stored job; {@code NotFoundException} when there is none. */
  void update(ModelUpload upload);

  Optional<ModelUpload> findById(ModelUploadId id);

  /**
   * The workspace's most recent jobs, newest first (creation time, then id), at most {@code limit}.
   */
  List<ModelUpload> findRecent(WorkspaceId workspaceId, int limit);
}
