package com.minichat.application.service.provider;

import com.minichat.application.port.in.provider.ProviderChainUseCase;
import com.minichat.application.port.in.provider.ProviderSetting;
import com.minichat.application.port.out.provider.ProviderChainRepository;
import com.minichat.application.port.out.security.SecretCipher;
import com.minichat.application.service.modelserver.RegisteredServers;
import com.minichat.application.service.workspace.WorkspaceAccess;
import com.minichat.domain.access.Actor;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reading and replacing a workspace's provider chain; API keys are encrypted at rest. A self-hosted
 * entry may name one of the workspace's registered model servers instead of its address and key.
 */
public final class ProviderChainService implements ProviderChainUseCase {
  /** Most providers a chain may hold. */
  public static final int MAX_PROVIDERS = 5;

  private static final int MAX_MODEL = 100;
  private static final int MAX_URL = 500;
  private static final int MAX_KEY = 500;

  private final ProviderChainRepository chains;
  private final RegisteredServers servers;
  private final WorkspaceAccess access;
  private final SecretCipher cipher;
  private final Clock clock;

  /**
   * @param servers the model servers chain entries may name
   */
  public ProviderChainService(
      ProviderChainRepository chains,
      RegisteredServers servers,
      WorkspaceAccess access,
      SecretCipher cipher,
      Clock clock) {
    this.chains = chains;
    this.servers = servers;
    this.access = access;
    this.cipher = cipher;
    this.clock = clock;
  }

  /** Associated data binding an encrypted provider key to its workspace. */
  public static String associatedData(WorkspaceId workspaceId) {
    return "workspace|providers|" + workspaceId.value();
  }

  @Override
  public List<ProviderConfig> chain(Actor actor, WorkspaceId workspaceId) {
    access.require(actor, workspaceId, Permission.READ_WORKSPACE);
    return chains.find(workspaceId);
  }

  @Override
  public List<ProviderConfig> replace(
      Actor actor, WorkspaceId workspaceId, List<ProviderSetting> settings) {
    access.require(actor, workspaceId, Permission.MANAGE_SETTINGS);
    List<ProviderConfig> current = chains.find(workspaceId);
    Violations violations = new Violations();
    violations.check(
        settings != null && !settings.isEmpty() && settings.size() <= MAX_PROVIDERS,
        "providers",
        "must list 1 to " + MAX_PROVIDERS + " providers, the first answers first");
    List<ProviderConfig> chain = new ArrayList<>();
    for (int i = 0; settings != null && i < settings.size(); i++) {
      check(
              settings.get(i),
              "providers[" + i + "]",
              i < current.size() ? current.get(i) : null,
              workspaceId,
              violations)
          .ifPresent(chain::add);
    }
    violations.throwIfAny();
    chains.save(workspaceId, chain, clock.instant());
    return chain;
  }

  private Optional<ProviderConfig> check(
      ProviderSetting setting,
      String field,
      ProviderConfig previous,
      WorkspaceId workspaceId,
      Violations violations) {
    if (setting == null) {
      violations.check(false, field, "must be an object with a type");
      return Optional.empty();
    }
    Optional<ProviderType> type = ProviderType.fromWireName(setting.type());
    if (type.isEmpty()) {
      violations.check(
          false,
          field + ".type",
          "must be openai, anthropic, gemini, openai-compatible, ollama or offline");
      return Optional.empty();
    }
    ProviderType kind = type.get();
    if (setting.serverId() != null) {
      return named(setting, kind, field, workspaceId, violations);
    }
    boolean offline = kind == ProviderType.OFFLINE;
    boolean keepsKey =
        setting.apiKey() == null
            && previous != null
            && previous.type() == kind
            && previous.encryptedApiKey() != null;
    violations
        .text(setting.model(), field + ".model", !offline, MAX_MODEL)
        .check(
            kind.needsBaseUrl()
                ? Urls.isHttp(setting.baseUrl(), MAX_URL)
                : setting.baseUrl() == null || Urls.isHttp(setting.baseUrl(), MAX_URL),
            field + ".baseUrl",
            kind.needsBaseUrl()
                ? "is required: the http(s) address of the server"
                : "must be an http(s) address")
        .check(
            !kind.needsApiKey()
                || keepsKey
                || (setting.apiKey() != null && !setting.apiKey().isBlank()),
            field + ".apiKey",
            "is required for " + kind.wireName())
        .check(
            setting.apiKey() == null || setting.apiKey().length() <= MAX_KEY,
            field + ".apiKey",
            "must be at most " + MAX_KEY + " characters")
        .check(
            !offline || (setting.apiKey() == null && setting.baseUrl() == null),
            field,
            "the offline answerer takes no key or address");
    if (keepsKey) {
      return Optional.of(
          new ProviderConfig(
              kind,
              setting.model(),
              setting.baseUrl(),
              previous.encryptedApiKey(),
              previous.apiKeyHint()));
    }
    boolean hasKey = setting.apiKey() != null && !setting.apiKey().isBlank();
    return Optional.of(
        new ProviderConfig(
            kind,
            setting.model(),
            setting.baseUrl(),
            hasKey ? cipher.encrypt(setting.apiKey().strip(), associatedData(workspaceId)) : null,
            hasKey ? Masking.mask(setting.apiKey()) : null));
  }

  /** An entry naming a registered server of its type, whose address and key then apply. */
  private Optional<ProviderConfig> named(
      ProviderSetting setting,
      ProviderType kind,
      String field,
      WorkspaceId workspaceId,
      Violations violations) {
    Optional<ModelServer> server =
        setting.serverId().isBlank()
            ? Optional.empty()
            : servers.find(workspaceId, new ModelServerId(setting.serverId().strip()));
    violations
        .text(setting.model(), field + ".model", true, MAX_MODEL)
        .check(server.isPresent(), field + ".serverId", "is not a model server of this workspace")
        .check(
            server.map(found -> found.type() == kind).orElse(true),
            field + ".type",
            "must be the type of the named server, "
                + server.map(found -> found.type().wireName()).orElse(""))
        .check(
            setting.baseUrl() == null && setting.apiKey() == null,
            field,
            "takes its address and key from the named server: send no baseUrl or apiKey");
    return server.map(
        found -> new ProviderConfig(kind, setting.model(), null, null, null, found.id()));
  }
}
