package com.minichat.application.port.out.modelserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.minichat.domain.common.ConflictException;
import com.minichat.domain.common.NotFoundException;
import com.minichat.domain.modelserver.ModelServerId;
import com.minichat.domain.modelserver.ModelUpload;
import com.minichat.domain.modelserver.ModelUploadId;
import com.minichat.domain.workspace.WorkspaceId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Behaviour every {@link ModelUploadRepository} must show: every field of a job survives a round
 * trip in every state (instants at millisecond precision, absent values included), ids are unique,
 * {@code update} of an unknown job fails with {@link NotFoundException}, and a workspace's recent
 * jobs come newest first, limited, no other workspace's.
 */
public abstract class ModelUploadRepositoryContractTest {
  /** A point in time with whole milliseconds, as every store keeps them. */
  protected static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123Z");

  private static final String DIGEST =
      "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

  private ModelUploadRepository uploads;

  /** A new repository with no jobs in it; called before every test. */
  protected abstract ModelUploadRepository newRepository();

  @BeforeEach
  void setUpRepository() {
    uploads = newRepository();
  }

  private static ModelUpload job(WorkspaceId workspaceId, Instant createdAt) {
    return ModelUpload.receiving(
        workspaceId, ModelServerId.generate(), "shop-bot:q4", null, createdAt);
  }

  @Test
  void aJobIsFoundWithEveryFieldEqualInEveryState() {
    ModelUpload receiving = job(WorkspaceId.generate(), T0);
    uploads.insert(receiving);
    assertEquals(receiving, uploads.findById(receiving.id()).orElseThrow());

    ModelUpload halfReceived = receiving.progressed(1_500_000_000L, T0.plusSeconds(1));
    ModelUpload uploading = halfReceived.received(DIGEST, 3_000_000_000L, T0.plusSeconds(2));
    ModelUpload creating = uploading.progressed(42, T0.plusSeconds(3)).creating(T0.plusSeconds(4));
    ModelUpload done = creating.done(T0.plusSeconds(5));
    ModelUpload failed = creating.failed("Ollama answered HTTP 400: bad file", T0.plusSeconds(6));
    for (ModelUpload step : List.of(halfReceived, uploading, creating, done, failed)) {
      uploads.update(step);

      assertEquals(step, uploads.findById(receiving.id()).orElseThrow());
    }
  }

  @Test
  void absentJobsAreEmpty() {
    uploads.insert(job(WorkspaceId.generate(), T0));

    assertTrue(uploads.findById(ModelUploadId.generate()).isEmpty());
    assertEquals(List.of(), uploads.findRecent(WorkspaceId.generate(), 10));
  }

  @Test
  void duplicateIdIsAConflict() {
    ModelUpload first = job(WorkspaceId.generate(), T0);
    uploads.insert(first);

    assertThrows(ConflictException.class, () -> uploads.insert(first.done(T0.plusSeconds(1))));
    assertEquals(first, uploads.findById(first.id()).orElseThrow());
  }

  @Test
  void updateOfAnUnknownJobIsNotFound() {
    ModelUpload never = job(WorkspaceId.generate(), T0);

    assertThrows(NotFoundException.class, () -> uploads.update(never));
    assertTrue(uploads.findById(never.id()).isEmpty());
  }

  @Test
  void recentJobsComeNewestFirstLimitedToTheWorkspace() {
    WorkspaceId workspace = WorkspaceId.generate();
    ModelUpload oldest = job(workspace, T0);
    ModelUpload middle = job(workspace, T0.plusSeconds(1));
    ModelUpload newest = job(workspace, T0.plusSeconds(2));
    uploads.insert(middle);
    uploads.insert(newest);
    uploads.insert(oldest);
    uploads.insert(job(WorkspaceId.generate(), T0.plusSeconds(3)));

    assertEquals(List.of(newest, middle, oldest), uploads.findRecent(workspace, 10));
    assertEquals(List.of(newest, middle), uploads.findRecent(workspace, 2));
  }
}
