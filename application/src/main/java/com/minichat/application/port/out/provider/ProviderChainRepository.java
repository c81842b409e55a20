package com.minichat.application.port.out.provider;

import com.minichat.domain.provider.ProviderConfig;
import com.minichat.domain.workspace.WorkspaceId;
import java.time.Instant;
import java.util.List;

/** Stores each workspace's ordered provider chain (API keys only encrypted). */
public interface ProviderChainRepository {
  /** The chain, first provider first; empty when none was set. */
  List<ProviderConfig> find(WorkspaceId workspaceId);

  /** Replaces the chain. */
  void save(WorkspaceId workspaceId, List<ProviderConfig> chain, Instant at);
}
