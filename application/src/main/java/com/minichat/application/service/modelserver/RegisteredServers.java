package com.minichat.application.service.modelserver;

import com.minichat.application.port.out.ai.ProviderEndpoint;
import com.minichat.application.port.out.modelserver.ModelServerRepository;
import com.minichat.application.port.out.security.SecretCipher;
import com.minichat.domain.common.NotFoundException;
import com.minichat.domain.modelserver.ModelServer;
import com.minichat.domain.modelserver.ModelServerId;
import com.minichat.domain.workspace.WorkspaceId;
import java.util.Optional;

/**
 * A workspace's registered model servers, looked up within that workspace only and made ready to
 * call with their key decrypted for the one call.
 */
public final class RegisteredServers {
  private final ModelServerRepository servers;
  private final SecretCipher cipher;

  public RegisteredServers(ModelServerRepository servers, SecretCipher cipher) {
    this.servers = servers;
    this.cipher = cipher;
  }

  /** Associated data binding an encrypted server key to its server and workspace. */
  public static String associatedData(WorkspaceId workspaceId, ModelServerId serverId) {
    return "workspace|model-servers|" + workspaceId.value() + "|" + serverId.value();
  }

  /** The server when it belongs to the workspace. */
  public Optional<ModelServer> find(WorkspaceId workspaceId, ModelServerId serverId) {
    return servers.findById(serverId).filter(server -> server.workspaceId().equals(workspaceId));
  }

  /**
   * The workspace's server.
   *
   * @throws NotFoundException when the workspace has no such server, another's included
   */
  public ModelServer require(WorkspaceId workspaceId, ModelServerId serverId) {
    return find(workspaceId, serverId)
        .orElseThrow(() -> new NotFoundException("Model server not found"));
  }

  /** The server ready to call for {@code model} (empty to manage the server itself). */
  public ProviderEndpoint endpoint(ModelServer server, String model) {
    String key =
        server.encryptedApiKey() == null
            ? null
            : cipher.decrypt(
                server.encryptedApiKey(), associatedData(server.workspaceId(), server.id()));
    return new ProviderEndpoint(server.type(), model, server.baseUrl(), key);
  }
}
