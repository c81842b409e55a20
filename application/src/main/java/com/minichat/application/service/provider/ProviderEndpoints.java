package com.minichat.application.service.provider;

import com.minichat.application.port.out.ai.ProviderEndpoint;
import com.minichat.application.port.out.provider.ProviderChainRepository;
import com.minichat.application.port.out.security.SecretCipher;
import com.minichat.domain.provider.ProviderConfig;
import com.minichat.domain.workspace.WorkspaceId;
import java.util.List;

/** A workspace's provider chain ready to call, its keys decrypted for one reply. */
public final class ProviderEndpoints {
  private final ProviderChainRepository chains;
  private final SecretCipher cipher;

  public ProviderEndpoints(ProviderChainRepository chains, SecretCipher cipher) {
    this.chains = chains;
    this.cipher = cipher;
  }

  /** The workspace's chain, first choice first; the offline answerer when it has none. */
  public List<ProviderEndpoint> of(WorkspaceId workspaceId) {
    List<ProviderConfig> chain = chains.find(workspaceId);
    if (chain.isEmpty()) {
      return List.of(ProviderEndpoint.offline());
    }
    String associatedData = ProviderChainService.associatedData(workspaceId);
    return chain.stream()
        .map(
            config ->
                new ProviderEndpoint(
                    config.type(),
                    config.model(),
                    config.baseUrl(),
                    config.encryptedApiKey() == null
                        ? null
                        : cipher.decrypt(config.encryptedApiKey(), associatedData)))
        .toList();
  }
}
