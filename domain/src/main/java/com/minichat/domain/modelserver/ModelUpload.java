package com.minichat.domain.modelserver;

import com.minichat.domain.workspace.WorkspaceId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A job that receives a GGUF weights file, sends it to an Ollama server and creates a model from
 * it. Progress counts the bytes of the current step: received while {@link
 * ModelUploadState#RECEIVING}, sent while {@link ModelUploadState#UPLOADING}.
 *
 * @param model the name of the model to create, e.g. {@code shop-bot:q4}
 * @param bytesDone bytes of the current step so far
 * @param bytesTotal the file's size; {@code null} while receiving a body of unknown length
 * @param sha256 the file's digest in hex, once received; {@code null} before
 * @param error why the job failed, for people; {@code null} unless {@link ModelUploadState#FAILED}
 */
public record ModelUpload(
    ModelUploadId id,
    WorkspaceId workspaceId,
    ModelServerId serverId,
    String model,
    ModelUploadState state,
    long bytesDone,
    Long bytesTotal,
    String sha256,
    String error,
    Instant createdAt,
    Instant updatedAt) {

  public ModelUpload {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(workspaceId, "workspaceId");
    Objects.requireNonNull(serverId, "serverId");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /** A new job that starts receiving a file of {@code expectedBytes} ({@code null}: unknown). */
  public static ModelUpload receiving(
      WorkspaceId workspaceId,
      ModelServerId serverId,
      String model,
      Long expectedBytes,
      Instant now) {
    return new ModelUpload(
        ModelUploadId.generate(),
        workspaceId,
        serverId,
        model,
        ModelUploadState.RECEIVING,
        0,
        expectedBytes,
        null,
        null,
        now,
        now);
  }

  /** The current step has done {@code bytes}. */
  public ModelUpload progressed(long bytes, Instant now) {
    return with(state, bytes, bytesTotal, sha256, null, now);
  }

  /** The whole file arrived: {@code size} bytes with this digest; sending it starts. */
  public ModelUpload received(String digest, long size, Instant now) {
    return with(ModelUploadState.UPLOADING, 0, size, digest, null, now);
  }

  /** The server has the file; it creates the model now. */
  public ModelUpload creating(Instant now) {
    return with(ModelUploadState.CREATING, bytesTotal == null ? 0 : bytesTotal, null, now);
  }

  /** The model exists. */
  public ModelUpload done(Instant now) {
    return with(ModelUploadState.DONE, bytesDone, null, now);
  }

  /** The job stopped because of {@code reason}. */
  public ModelUpload failed(String reason, Instant now) {
    return with(ModelUploadState.FAILED, bytesDone, Objects.requireNonNull(reason, "reason"), now);
  }

  /**
   * The job as it stands at {@code now}: an unfinished job that has not moved for {@code
   * staleAfter} lost the instance working on it (a restart or crash) and counts as failed.
   */
  public ModelUpload seenAt(Instant now, Duration staleAfter) {
    if (state.finished() || !updatedAt.plus(staleAfter).isBefore(now)) {
      return this;
    }
    return with(
        ModelUploadState.FAILED,
        bytesDone,
        "The upload stopped: the server handling it was restarted; upload the file again",
        updatedAt);
  }

  private ModelUpload with(ModelUploadState newState, long done, String reason, Instant now) {
    return with(newState, done, bytesTotal, sha256, reason, now);
  }

  private ModelUpload with(
      ModelUploadState newState, long done, Long total, String digest, String reason, Instant now) {
    return new ModelUpload(
        id, workspaceId, serverId, model, newState, done, total, digest, reason, createdAt, now);
  }
}
