package com.minichat.application.service.modelserver;

import com.minichat.application.port.in.modelserver.ModelServerSettings;
import com.minichat.application.port.in.modelserver.ModelServerUseCase;
import com.minichat.application.port.out.ai.ModelServerClient;
import com.minichat.application.port.out.ai.ServerModel;
import com.minichat.application.port.out.modelserver.ModelServerRepository;
import com.minichat.application.port.out.provider.ProviderChainRepository;
import com.minichat.application.port.out.security.SecretCipher;
import com.minichat.application.service.workspace.WorkspaceAccess;
import com.minichat.domain.access.Actor;
import com.minichat.domain.common.ConflictException;
import com.minichat.domain.common.Masking;
import com.minichat.domain.common.Urls;
import com.minichat.domain.common.Violations;
import com.minichat.domain.modelserver.ModelServer;
import com.minichat.domain.modelserver.ModelServerId;
import com.minichat.domain.provider.ProviderConfig;
import com.minichat.domain.provider.ProviderType;
import com.minichat.domain.team.Permission;
import com.minichat.domain.workspace.WorkspaceId;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Registering, listing and removing model servers, and asking them for their models. */
public final class ModelServerService implements ModelServerUseCase {
  /** Most servers a workspace may register. */
  public static final int MAX_SERVERS = 20;

  private static final int MAX_NAME = 60;
  private static final int MAX_URL = 500;
  private static final int MAX_KEY = 500;

  private final ModelServerRepository servers;
  private final RegisteredServers registered;
  private final ProviderChainRepository chains;
  private final ModelServerClient client;
  private final WorkspaceAccess access;
  private final SecretCipher cipher;
  private final Clock clock;

  public ModelServerService(
      ModelServerRepository servers,
      RegisteredServers registered,
      ProviderChainRepository chains,
      ModelServerClient client,
      WorkspaceAccess access,
      SecretCipher cipher,
      Clock clock) {
    this.servers = servers;
    this.registered = registered;
    this.chains = chains;
    this.client = client;
    this.access = access;
    this.cipher = cipher;
    this.clock = clock;
  }

  @Override
  public List<ModelServer> list(Actor actor, WorkspaceId workspaceId) {
    access.require(actor, workspaceId, Permission.MANAGE_SETTINGS);
    return servers.findByWorkspace(workspaceId);
  }

  @Override
  public ModelServer get(Actor actor, WorkspaceId workspaceId, ModelServerId serverId) {
    access.require(actor, workspaceId, Permission.MANAGE_SETTINGS);
    return registered.require(workspaceId, serverId);
  }

  @Override
  public ModelServer register(Actor actor, WorkspaceId workspaceId, ModelServerSettings settings) {
    access.require(actor, workspaceId, Permission.MANAGE_SETTINGS);
    List<ModelServer> existing = servers.findByWorkspace(workspaceId);
    Optional<ProviderType> type =
        ProviderType.fromWireName(settings.type()).filter(ProviderType::needsBaseUrl);
    String name = settings.name() == null ? "" : settings.name().strip();
    Violations violations =
        new Violations()
            .text(name, "name", true, MAX_NAME)
            .check(
                existing.stream().noneMatch(server -> sameName(server.name(), name)),
                "name",
                "another model server of this workspace has this name")
            .check(type.isPresent(), "type", "must be ollama or openai-compatible")
            .check(
                Urls.isHttp(settings.baseUrl(), MAX_URL),
                "baseUrl",
                "is required: the http(s) address of the server, with /v1 for openai-compatible")
            .check(
                settings.apiKey() == null || settings.apiKey().length() <= MAX_KEY,
                "apiKey",
                "must be at most " + MAX_KEY + " characters")
            .check(
                existing.size() < MAX_SERVERS,
                "servers",
                "a workspace can register at most " + MAX_SERVERS + " model servers");
    violations.throwIfAny();
    ModelServerId id = ModelServerId.generate();
    boolean hasKey = settings.apiKey() != null && !settings.apiKey().isBlank();
    ModelServer server =
        new ModelServer(
            id,
            workspaceId,
            name,
            type.orElseThrow(),
            settings.baseUrl().strip(),
            hasKey
                ? cipher.encrypt(
                    settings.apiKey().strip(), RegisteredServers.associatedData(workspaceId, id))
                : null,
            hasKey ? Masking.mask(settings.apiKey()) : null,
            clock.instant());
    servers.insert(server);
    return server;
  }

  @Override
  public void delete(Actor actor, WorkspaceId workspaceId, ModelServerId serverId) {
    access.require(actor, workspaceId, Permission.MANAGE_SETTINGS);
    ModelServer server = registered.require(workspaceId, serverId);
    List<ProviderConfig> chain = chains.find(workspaceId);
    for (int i = 0; i < chain.size(); i++) {
      if (server.id().equals(chain.get(i).serverId())) {
        throw new ConflictException(
            "The provider chain still asks this server (provider "
                + (i + 1)
                + "); change the chain first");
      }
    }
    servers.delete(server.id());
  }

  @Override
  public List<ServerModel> models(Actor actor, WorkspaceId workspaceId, ModelServerId serverId) {
    access.require(actor, workspaceId, Permission.MANAGE_SETTINGS);
    return client.models(registered.endpoint(registered.require(workspaceId, serverId), ""));
  }

  private static boolean sameName(String a, String b) {
    return a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
  }
}
