package com.minichat.application.port.out.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.minichat.domain.modelserver.ModelServerId;
import com.minichat.domain.provider.ProviderConfig;
import com.minichat.domain.provider.ProviderType;
import com.minichat.domain.workspace.WorkspaceId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ProviderChainRepository} must do. */
public abstract class ProviderChainRepositoryContractTest {
  private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

  private ProviderChainRepository chains;

  /** A repository with no chains yet. */
  protected abstract ProviderChainRepository newRepository();

  @BeforeEach
  void setUpRepository() {
    chains = newRepository();
  }

  private static List<ProviderConfig> chain() {
    return List.of(
        new ProviderConfig(ProviderType.OPENAI, "gpt-4o-mini", null, "ENC(sk-1)", "sk-…abcd"),
        new ProviderConfig(ProviderType.OLLAMA, "llama3.2", "http://127.0.0.1:11434", null, null),
        new ProviderConfig(
            ProviderType.OLLAMA, "shop-bot:q4", null, null, null, new ModelServerId("srv1")),
        new ProviderConfig(ProviderType.OFFLINE, "", null, null, null));
  }

  @Test
  void aWorkspaceWithoutAChainHasAnEmptyOne() {
    assertEquals(List.of(), chains.find(WorkspaceId.generate()));
  }

  @Test
  void aSavedChainComesBackInOrderWithEveryField() {
    WorkspaceId workspace = WorkspaceId.generate();

    chains.save(workspace, chain(), T0);

    assertEquals(chain(), chains.find(workspace));
  }

  @Test
  void savingAgainReplacesTheChainOfThatWorkspaceOnly() {
    WorkspaceId workspace = WorkspaceId.generate();
    WorkspaceId other = WorkspaceId.generate();
    chains.save(workspace, chain(), T0);
    chains.save(other, chain(), T0);
    List<ProviderConfig> offlineOnly =
        List.of(new ProviderConfig(ProviderType.OFFLINE, "", null, null, null));

    chains.save(workspace, offlineOnly, T0.plusSeconds(60));

    assertEquals(offlineOnly, chains.find(workspace));
    assertEquals(chain(), chains.find(other));
  }
}
