package com.minichat.application.port.in.modelserver;

import com.minichat.application.port.out.ai.ServerModel;
import com.minichat.domain.access.Actor;
import com.minichat.domain.modelserver.ModelServer;
import com.minichat.domain.modelserver.ModelServerId;
import com.minichat.domain.workspace.WorkspaceId;
import java.util.List;

/**
 * A workspace's registered self-hosted model servers (owners, admins, admin keys): the servers
 * themselves, their keys shown only masked, and the models each one offers.
 */
public interface ModelServerUseCase {
  /** The workspace's servers, oldest first. */
  List<ModelServer> list(Actor actor, WorkspaceId workspaceId);

  /**
   * One server of the workspace.
   *
   * @throws com.minichat.domain.common.NotFoundException when the workspace has no such server
   */
  ModelServer get(Actor actor, WorkspaceId workspaceId, ModelServerId serverId);

  /**
   * Registers a server; its key is encrypted before storage.
   *
   * @throws com.minichat.domain.common.ValidationException listing every invalid setting
   */
  ModelServer register(Actor actor, WorkspaceId workspaceId, ModelServerSettings settings);

  /**
   * Removes a server.
   *
   * @throws com.minichat.domain.common.ConflictException while the provider chain names it
   */
  void delete(Actor actor, WorkspaceId workspaceId, ModelServerId serverId);

  /**
   * Asks the server which models it offers.
   *
   * @throws com.minichat.domain.common.UpstreamUnavailableException when the server cannot be
   *     reached, times out or refuses
   */
  List<ServerModel> models(Actor actor, WorkspaceId workspaceId, ModelServerId serverId);
}
