package com.minichat.application.port.out.modelserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.minichat.domain.common.ConflictException;
import com.minichat.domain.modelserver.ModelServer;
import com.minichat.domain.modelserver.ModelServerId;
import com.minichat.domain.provider.ProviderType;
import com.minichat.domain.workspace.WorkspaceId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Behaviour every {@link ModelServerRepository} must show: every field survives a round trip
 * (instants at millisecond precision, a missing key included), ids are unique, deleting removes one
 * server only, and a workspace's servers are listed oldest first, no other workspace's.
 */
public abstract class ModelServerRepositoryContractTest {
  /** A point in time with whole milliseconds, as every store keeps them. */
  protected static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123Z");

  private ModelServerRepository servers;

  /** A new repository with no servers in it; called before every test. */
  protected abstract ModelServerRepository newRepository();

  @BeforeEach
  void setUpRepository() {
    servers = newRepository();
  }

  private static ModelServer ollama(WorkspaceId workspaceId, Instant createdAt) {
    return new ModelServer(
        ModelServerId.generate(),
        workspaceId,
        "GPU เครื่องหลัก",
        ProviderType.OLLAMA,
        "http://gpu-1.internal:11434",
        "v1:ciphertext",
        "oll…abcd",
        createdAt);
  }

  private static ModelServer vllm(WorkspaceId workspaceId, Instant createdAt) {
    return new ModelServer(
        ModelServerId.generate(),
        workspaceId,
        "vLLM",
        ProviderType.OPENAI_COMPATIBLE,
        "http://vllm.internal:8000/v1",
        null,
        null,
        createdAt);
  }

  @Test
  void insertedServersAreFoundWithEveryFieldEqual() {
    WorkspaceId workspace = WorkspaceId.generate();
    ModelServer withKey = ollama(workspace, T0);
    ModelServer withoutKey = vllm(workspace, T0.plusSeconds(1));

    servers.insert(withKey);
    servers.insert(withoutKey);

    assertEquals(withKey, servers.findById(withKey.id()).orElseThrow());
    assertEquals(withoutKey, servers.findById(withoutKey.id()).orElseThrow());
  }

  @Test
  void absentServersAreEmpty() {
    servers.insert(ollama(WorkspaceId.generate(), T0));

    assertTrue(servers.findById(ModelServerId.generate()).isEmpty());
    assertEquals(List.of(), servers.findByWorkspace(WorkspaceId.generate()));
  }

  @Test
  void duplicateIdIsAConflict() {
    ModelServer first = ollama(WorkspaceId.generate(), T0);
    servers.insert(first);
    ModelServer sameId =
        new ModelServer(
            first.id(),
            WorkspaceId.generate(),
            "other",
            ProviderType.OPENAI_COMPATIBLE,
            "http://other:8000/v1",
            null,
            null,
            T0);

    assertThrows(ConflictException.class, () -> servers.insert(sameId));
    assertEquals(first, servers.findById(first.id()).orElseThrow());
  }

  @Test
  void aWorkspacesServersAreListedOldestFirstAndNoOthers() {
    WorkspaceId workspace = WorkspaceId.generate();
    ModelServer second = vllm(workspace, T0.plusSeconds(10));
    ModelServer first = ollama(workspace, T0);
    servers.insert(second);
    servers.insert(first);
    servers.insert(ollama(WorkspaceId.generate(), T0.minusSeconds(5)));

    assertEquals(List.of(first, second), servers.findByWorkspace(workspace));
  }

  @Test
  void deleteRemovesOnlyThatServerAndIgnoresUnknownOnes() {
    WorkspaceId workspace = WorkspaceId.generate();
    ModelServer gone = ollama(workspace, T0);
    ModelServer kept = vllm(workspace, T0.plusSeconds(1));
    servers.insert(gone);
    servers.insert(kept);

    servers.delete(gone.id());
    servers.delete(ModelServerId.generate());

    assertTrue(servers.findById(gone.id()).isEmpty());
    assertEquals(List.of(kept), servers.findByWorkspace(workspace));
  }
}
