package com.minichat.application.service.modelserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.minichat.application.fake.InMemoryModelServerRepository;
import com.minichat.application.fake.InMemoryProviderChainRepository;
import com.minichat.application.port.in.modelserver.ModelServerSettings;
import com.minichat.application.port.out.ai.ProviderEndpoint;
import com.minichat.application.port.out.ai.ServerModel;
import com.minichat.application.service.support.FakeModelServerClient;
import com.minichat.application.service.support.FakeSecretCipher;
import com.minichat.application.service.support.TenancyFixture;
import com.minichat.domain.access.UserActor;
import com.minichat.domain.apikey.ApiScope;
import com.minichat.domain.common.ConflictException;
import com.minichat.domain.common.FieldViolation;
import com.minichat.domain.common.ForbiddenException;
import com.minichat.domain.common.NotFoundException;
import com.minichat.domain.common.UpstreamUnavailableException;
import com.minichat.domain.common.ValidationException;
import com.minichat.domain.modelserver.ModelServer;
import com.minichat.domain.modelserver.ModelServerId;
import com.minichat.domain.provider.ProviderConfig;
import com.minichat.domain.provider.ProviderType;
import com.minichat.domain.team.Role;
import com.minichat.domain.user.User;
import com.minichat.domain.workspace.Workspace;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Registered model servers: validated, keys encrypted and masked, admins only, per workspace. */
class ModelServerServiceTest {
  private static final String KEY = "proxy-secret-1234";

  private final TenancyFixture fx = new TenancyFixture();
  private final InMemoryModelServerRepository servers = new InMemoryModelServerRepository();
  private final InMemoryProviderChainRepository chains = new InMemoryProviderChainRepository();
  private final FakeSecretCipher cipher = new FakeSecretCipher();
  private final FakeModelServerClient client =
      new FakeModelServerClient(1024)
          .offering(new ServerModel("llama3.2:1b", 1_321_098_329L, "1.2B", "Q8_0"));
  private ModelServerService service;
  private User ownerUser;
  private Workspace workspace;
  private UserActor owner;

  @BeforeEach
  void setUp() {
    service =
        new ModelServerService(
            servers,
            new RegisteredServers(servers, cipher),
            chains,
            client,
            fx.access,
            cipher,
            fx.clock);
    ownerUser = fx.user("Owner");
    workspace = fx.workspace(ownerUser, "Shop");
    owner = new UserActor(ownerUser.id());
  }

  private ModelServer register(String name, String type, String baseUrl, String key) {
    return service.register(
        owner, workspace.id(), new ModelServerSettings(name, type, baseUrl, key));
  }

  @Test
  void aServerIsStoredWithItsKeyEncryptedBoundToItAndShownMasked() {
    ModelServer server = register(" GPU box ", "ollama", " http://gpu-1:11434 ", KEY);

    assertEquals("GPU box", server.name());
    assertEquals(ProviderType.OLLAMA, server.type());
    assertEquals("http://gpu-1:11434", server.baseUrl());
    assertEquals("pro…1234", server.apiKeyHint());
    assertFalse(server.encryptedApiKey().contains(KEY));
    assertEquals(
        KEY,
        cipher.decrypt(
            server.encryptedApiKey(),
            RegisteredServers.associatedData(workspace.id(), server.id())));
    assertEquals(List.of(server), service.list(owner, workspace.id()));
    assertEquals(server, service.get(owner, workspace.id(), server.id()));
  }

  @Test
  void aServerWithoutKeyHasNone() {
    ModelServer server = register("vLLM", "openai-compatible", "http://vllm:8000/v1", null);

    assertNull(server.encryptedApiKey());
    assertNull(server.apiKeyHint());
  }

  @Test
  void everyBrokenRuleIsReportedAtOnce() {
    register("GPU box", "ollama", "http://gpu-1:11434", null);

    ValidationException e =
        assertThrows(
            ValidationException.class,
            () -> register("gpu BOX", "openai", "gpu-1:11434", "k".repeat(501)));

    assertEquals(
        List.of("name", "type", "baseUrl", "apiKey"),
        e.violations().stream().map(FieldViolation::field).toList());
    assertEquals(1, service.list(owner, workspace.id()).size());
  }

  @Test
  void aWorkspaceRegistersAtMostTwentyServers() {
    for (int i = 0; i < ModelServerService.MAX_SERVERS; i++) {
      register("server " + i, "ollama", "http://gpu-" + i + ":11434", null);
    }

    ValidationException e =
        assertThrows(
            ValidationException.class, () -> register("one more", "ollama", "http://x:1", null));

    assertEquals("servers", e.violations().getFirst().field());
  }

  @Test
  void theModelsComeFromTheServerAskedWithItsKey() {
    ModelServer server = register("GPU box", "ollama", "http://gpu-1:11434", KEY);

    List<ServerModel> models = service.models(owner, workspace.id(), server.id());

    assertEquals(List.of("llama3.2:1b"), models.stream().map(ServerModel::name).toList());
    assertEquals(
        new ProviderEndpoint(ProviderType.OLLAMA, "", "http://gpu-1:11434", KEY),
        client.calls().getFirst().server());
  }

  @Test
  void aServerThatCannotAnswerIsReportedAsUnavailable() {
    ModelServer server = register("GPU box", "ollama", "http://gpu-1:11434", null);
    client.failing("models");

    assertThrows(
        UpstreamUnavailableException.class,
        () -> service.models(owner, workspace.id(), server.id()));
  }

  @Test
  void aServerTheChainAsksCannotBeDeletedUntilTheChainChanges() {
    ModelServer server = register("GPU box", "ollama", "http://gpu-1:11434", null);
    chains.save(
        workspace.id(),
        List.of(
            new ProviderConfig(ProviderType.OFFLINE, "", null, null, null),
            new ProviderConfig(ProviderType.OLLAMA, "shop-bot", null, null, null, server.id())),
        fx.clock.instant());

    ConflictException refused =
        assertThrows(
            ConflictException.class, () -> service.delete(owner, workspace.id(), server.id()));
    assertEquals(
        "The provider chain still asks this server (provider 2); change the chain first",
        refused.getMessage());

    chains.save(
        workspace.id(),
        List.of(new ProviderConfig(ProviderType.OFFLINE, "", null, null, null)),
        fx.clock.instant());
    service.delete(owner, workspace.id(), server.id());
    assertEquals(List.of(), service.list(owner, workspace.id()));
  }

  @Test
  void membersAndNarrowKeysMayNotAndOutsidersSeeNothing() {
    ModelServer server = register("GPU box", "ollama", "http://gpu-1:11434", null);
    User member = fx.user("Member");
    fx.join(workspace, member, Role.MEMBER);
    UserActor memberActor = new UserActor(member.id());
    User stranger = fx.user("Stranger");
    Workspace theirs = fx.workspace(stranger, "Theirs");
    UserActor strangerActor = new UserActor(stranger.id());

    assertThrows(ForbiddenException.class, () -> service.list(memberActor, workspace.id()));
    assertThrows(
        ForbiddenException.class, () -> service.models(memberActor, workspace.id(), server.id()));
    assertThrows(
        ForbiddenException.class,
        () -> service.list(fx.keyActor(ownerUser, workspace.id(), ApiScope.WRITE), workspace.id()));
    assertEquals(
        List.of(server),
        service.list(fx.keyActor(ownerUser, workspace.id(), ApiScope.ADMIN), workspace.id()));
    assertThrows(NotFoundException.class, () -> service.list(strangerActor, workspace.id()));
    assertThrows(
        NotFoundException.class, () -> service.get(strangerActor, theirs.id(), server.id()));
    assertThrows(
        NotFoundException.class, () -> service.delete(strangerActor, theirs.id(), server.id()));
    assertThrows(
        NotFoundException.class,
        () -> service.get(owner, workspace.id(), ModelServerId.generate()));
  }
}
