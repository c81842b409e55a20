package com.minichat.application.service.provider;

import com.minichat.application.port.out.ai.ProviderEndpoint;
import com.minichat.application.port.out.provider.ProviderChainRepository;
import com.minichat.application.port.out.security.SecretCipher;
import com.minichat.application.service.modelserver.RegisteredServers;
import com.minichat.domain.provider.ProviderConfig;
import com.minichat.domain.workspace.WorkspaceId;
import java.util.List;

/** A workspace's provider chain ready to call, its keys decrypted for one reply. */
public final class ProviderEndpoints {
  private final ProviderChainRepository chains;
  private final RegisteredServers servers;
  private final SecretCipher cipher;

  /**
   * @param servers the model servers chain entries may name
   */
  public ProviderEndpoints(
      ProviderChainRepository chains, RegisteredServers servers, SecretCipher cipher) {
    this.chains = chains;
    this.servers = servers;
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
                config.serverId() == null
                    ? new ProviderEndpoint(
                        config.type(),
                        config.model(),
                        config.baseUrl(),
                        config.encryptedApiKey() == null
                            ? null
                            : cipher.decrypt(config.encryptedApiKey(), associatedData))
                    : servers
                        .find(workspaceId, config.serverId())
                        .map(server -> servers.endpoint(server, config.model()))
                        // a server removed meanwhile leaves no address: that entry fails and the
                        // next provider answers
                        .orElseGet(
                            () -> new ProviderEndpoint(config.type(), config.model(), null, null)))
        .toList();
  }
}
