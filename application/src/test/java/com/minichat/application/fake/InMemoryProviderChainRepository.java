package com.minichat.application.fake;

import com.minichat.application.port.out.provider.ProviderChainRepository;
import com.minichat.domain.provider.ProviderConfig;
import com.minichat.domain.workspace.WorkspaceId;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Thread-safe in-memory {@link ProviderChainRepository}. */
public final class InMemoryProviderChainRepository implements ProviderChainRepository {
  private final Map<WorkspaceId, List<ProviderConfig>> chains = new HashMap<>();

  @Override
  public synchronized List<ProviderConfig> find(WorkspaceId workspaceId) {
    return chains.getOrDefault(workspaceId, List.of());
  }

  @Override
  public synchronized void save(WorkspaceId workspaceId, List<ProviderConfig> chain, Instant at) {
    chains.put(workspaceId, List.copyOf(chain));
  }
}
