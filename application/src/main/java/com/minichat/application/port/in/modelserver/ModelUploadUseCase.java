package com.minichat.application.port.in.modelserver;

import com.minichat.domain.access.Actor;
import com.minichat.domain.modelserver.ModelServerId;
import com.minichat.domain.modelserver.ModelUpload;
import com.minichat.domain.modelserver.ModelUploadId;
import com.minichat.domain.workspace.WorkspaceId;
import java.util.List;

/**
 * Creating models on a workspace's Ollama server from uploaded GGUF weights (owners, admins, admin
 * keys). The file is received and hashed on the caller's thread; sending it to the server and
 * creating the model continue in the background, followed through the job.
 */
public interface ModelUploadUseCase {
  /**
   * Receives {@code upload} and starts sending it to the server.
   *
   * @return the job, now {@code uploading}
   * @throws com.minichat.domain.common.ValidationException when the model name is invalid, the
   *     server is not an Ollama server, or the file is not GGUF (checked on its first bytes)
   * @throws com.minichat.domain.common.PayloadTooLargeException when the file is larger than the
   *     configured limit (as announced, or as it arrives)
   */
  ModelUpload start(
      Actor actor, WorkspaceId workspaceId, ModelServerId serverId, WeightsUpload upload);

  /**
   * One job of the workspace.
   *
   * @throws com.minichat.domain.common.NotFoundException when the workspace has no such job
   */
  ModelUpload get(Actor actor, WorkspaceId workspaceId, ModelUploadId uploadId);

  /** The workspace's most recent jobs, newest first. */
  List<ModelUpload> recent(Actor actor, WorkspaceId workspaceId);
}
