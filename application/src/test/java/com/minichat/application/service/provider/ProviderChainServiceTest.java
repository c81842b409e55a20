package com.minichat.application.service.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.minichat.application.fake.InMemoryModelServerRepository;
import com.minichat.application.fake.InMemoryProviderChainRepository;
import com.minichat.application.port.in.provider.ProviderSetting;
import com.minichat.application.port.out.ai.ProviderEndpoint;
import com.minichat.application.service.modelserver.RegisteredServers;
import com.minichat.application.service.support.FakeSecretCipher;
import com.minichat.application.service.support.TenancyFixture;
import com.minichat.domain.access.UserActor;
import com.minichat.domain.apikey.ApiScope;
import com.minichat.domain.common.FieldViolation;
import com.minichat.domain.common.ForbiddenException;
import com.minichat.domain.common.NotFoundException;
import com.minichat.domain.common.ValidationException;
import com.minichat.domain.modelserver.ModelServer;
import com.minichat.domain.modelserver.ModelServerId;
import com.minichat.domain.provider.ProviderConfig;
import com.minichat.domain.provider.ProviderType;
import com.minichat.domain.team.Role;
import com.minichat.domain.user.User;
import com.minichat.domain.workspace.Workspace;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The provider chain: validated by position, keys encrypted and masked, admins only. */
class ProviderChainServiceTest {
  private static final String KEY = "sk-live-1234567890abcdef";

  private final TenancyFixture fx = new TenancyFixture();
  private final InMemoryProviderChainRepository chains = new InMemoryProviderChainRepository();
  private final InMemoryModelServerRepository serverStore = new InMemoryModelServerRepository();
  private final FakeSecretCipher cipher = new FakeSecretCipher();
  private final RegisteredServers servers = new RegisteredServers(serverStore, cipher);
  private ProviderChainService service;
  private User owner;
  private Workspace workspace;
  private UserActor ownerActor;

  @BeforeEach
  void setUp() {
    service = new ProviderChainService(chains, servers, fx.access, cipher, fx.clock);
    owner = fx.user("Owner");
    workspace = fx.workspace(owner, "Bots");
    ownerActor = new UserActor(owner.id());
  }

  private static ProviderSetting openAi(String key) {
    return new ProviderSetting("openai", "gpt-4o-mini", null, key);
  }

  @Test
  void keysAreStoredEncryptedBoundToTheWorkspaceAndShownMasked() {
    List<ProviderConfig> saved =
        service.replace(
            ownerActor,
            workspace.id(),
            List.of(openAi(KEY), new ProviderSetting("offline", null, null, null)));

    ProviderConfig first = saved.getFirst();
    assertEquals(ProviderType.OPENAI, first.type());
    assertEquals("sk-…cdef", first.apiKeyHint());
    assertFalse(first.encryptedApiKey().contains(KEY));
    assertEquals(
        KEY,
        cipher.decrypt(
            first.encryptedApiKey(), ProviderChainService.associatedData(workspace.id())));
    assertEquals(saved, service.chain(ownerActor, workspace.id()));
  }

  @Test
  void aMissingKeyKeepsTheStoredOneForTheSameTypeAndPosition() {
    ProviderConfig before =
        service.replace(ownerActor, workspace.id(), List.of(openAi(KEY))).getFirst();

    ProviderConfig after =
        service
            .replace(
                ownerActor,
                workspace.id(),
                List.of(new ProviderSetting("openai", "gpt-4o", null, null)))
            .getFirst();

    assertEquals(before.encryptedApiKey(), after.encryptedApiKey());
    assertEquals("gpt-4o", after.model());
  }

  @Test
  void everyBrokenRuleIsReportedByPosition() {
    List<ProviderSetting> chain = new ArrayList<>();
    chain.add(new ProviderSetting("anthropic", "claude", null, null));
    chain.add(new ProviderSetting("ollama", "llama3.2", "ftp://models", null));
    chain.add(new ProviderSetting("gemini", "", null, "g-key"));
    chain.add(new ProviderSetting("nope", null, null, null));
    chain.add(null);

    ValidationException e =
        assertThrows(
            ValidationException.class, () -> service.replace(ownerActor, workspace.id(), chain));

    assertEquals(
        List.of(
            "providers[0].apiKey",
            "providers[1].baseUrl",
            "providers[2].model",
            "providers[3].type",
            "providers[4]"),
        e.violations().stream().map(FieldViolation::field).toList());
    assertEquals(List.of(), chains.find(workspace.id()));
  }

  @Test
  void aChainHoldsOneToFiveProviders() {
    assertThrows(
        ValidationException.class, () -> service.replace(ownerActor, workspace.id(), List.of()));
    assertThrows(
        ValidationException.class,
        () ->
            service.replace(
                ownerActor,
                workspace.id(),
                Collections.nCopies(6, new ProviderSetting("offline", null, null, null))));
  }

  @Test
  void membersAndReadKeysMayReadButNotChangeIt() {
    User member = fx.user("Member");
    fx.join(workspace, member, Role.MEMBER);
    service.replace(ownerActor, workspace.id(), List.of(openAi(KEY)));

    assertNotNull(service.chain(new UserActor(member.id()), workspace.id()));
    assertThrows(
        ForbiddenException.class,
        () -> service.replace(new UserActor(member.id()), workspace.id(), List.of(openAi(KEY))));
    assertThrows(
        ForbiddenException.class,
        () ->
            service.replace(
                fx.keyActor(owner, workspace.id(), ApiScope.READ),
                workspace.id(),
                List.of(openAi(KEY))));
    assertEquals(
        1,
        service
            .replace(
                fx.keyActor(owner, workspace.id(), ApiScope.ADMIN),
                workspace.id(),
                List.of(openAi(KEY)))
            .size());
  }

  @Test
  void outsidersSeeNothing() {
    User stranger = fx.user("Stranger");

    assertThrows(
        NotFoundException.class, () -> service.chain(new UserActor(stranger.id()), workspace.id()));
  }

  private ModelServer registerOllama(Workspace in, String key) {
    ModelServerId id = ModelServerId.generate();
    ModelServer server =
        new ModelServer(
            id,
            in.id(),
            "GPU box",
            ProviderType.OLLAMA,
            "http://gpu-1:11434",
            key == null ? null : cipher.encrypt(key, RegisteredServers.associatedData(in.id(), id)),
            key == null ? null : "oll…" + key.substring(key.length() - 4),
            fx.clock.instant());
    serverStore.insert(server);
    return server;
  }

  @Test
  void anEntryMayNameARegisteredServerWhoseAddressAndKeyThenApply() {
    ModelServer server = registerOllama(workspace, "proxy-key-5678");

    List<ProviderConfig> saved =
        service.replace(
            ownerActor,
            workspace.id(),
            List.of(new ProviderSetting("ollama", "shop-bot:q4", null, null, server.id().value())));

    ProviderConfig entry = saved.getFirst();
    assertEquals(server.id(), entry.serverId());
    assertNull(entry.baseUrl());
    assertNull(entry.encryptedApiKey());
    assertEquals(
        List.of(
            new ProviderEndpoint(
                ProviderType.OLLAMA, "shop-bot:q4", "http://gpu-1:11434", "proxy-key-5678")),
        new ProviderEndpoints(chains, servers, cipher).of(workspace.id()));
  }

  @Test
  void aNamedServerMustBeThisWorkspacesOfTheSameTypeWithoutItsOwnAddress() {
    ModelServer server = registerOllama(workspace, null);
    ModelServer foreign = registerOllama(fx.workspace(fx.user("Other"), "Other"), null);
    List<ProviderSetting> chain =
        List.of(
            new ProviderSetting("openai-compatible", "m", null, null, server.id().value()),
            new ProviderSetting("ollama", "m", null, null, foreign.id().value()),
            new ProviderSetting("ollama", "m", "http://elsewhere:11434", null, server.id().value()),
            new ProviderSetting("ollama", "", null, null, " "));

    ValidationException e =
        assertThrows(
            ValidationException.class, () -> service.replace(ownerActor, workspace.id(), chain));

    assertEquals(
        List.of(
            "providers[0].type",
            "providers[1].serverId",
            "providers[2]",
            "providers[3].model",
            "providers[3].serverId"),
        e.violations().stream().map(FieldViolation::field).toList());
  }

  @Test
  void anEntryWhoseServerIsGoneFailsOnItsOwnInsteadOfAskingAnotherAddress() {
    ModelServer server = registerOllama(workspace, "proxy-key-5678");
    service.replace(
        ownerActor,
        workspace.id(),
        List.of(new ProviderSetting("ollama", "shop-bot", null, null, server.id().value())));

    serverStore.delete(server.id());

    assertEquals(
        List.of(new ProviderEndpoint(ProviderType.OLLAMA, "shop-bot", null, null)),
        new ProviderEndpoints(chains, servers, cipher).of(workspace.id()));
  }
}
