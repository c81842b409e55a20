package com.minichat.application.service.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.minichat.application.fake.InMemoryWebhookRepository;
import com.minichat.application.port.in.webhook.CreatedWebhook;
import com.minichat.application.port.in.webhook.WebhookSettings;
import com.minichat.application.service.support.FakeSecretCipher;
import com.minichat.application.service.support.TenancyFixture;
import com.minichat.domain.access.Actor;
import com.minichat.domain.access.UserActor;
import com.minichat.domain.apikey.ApiScope;
import com.minichat.domain.common.FieldViolation;
import com.minichat.domain.common.ForbiddenException;
import com.minichat.domain.common.Masking;
import com.minichat.domain.common.NotFoundException;
import com.minichat.domain.common.ValidationException;
import com.minichat.domain.team.Role;
import com.minichat.domain.user.User;
import com.minichat.domain.webhook.Webhook;
import com.minichat.domain.webhook.WebhookEvent;
import com.minichat.domain.webhook.WebhookId;
import com.minichat.domain.workspace.Workspace;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Webhooks: a signing secret shown once and stored only encrypted, every invalid setting reported
 * together, owners, admins and admin-scope keys only, never another workspace's webhook.
 */
class WebhookServiceTest {
  private static final String URL = "https://hooks.example.com/minichat";
  private static final List<String> ALL_EVENTS =
      List.of("message.created", "conversation.created", "lead.created");

  private final TenancyFixture fx = new TenancyFixture();
  private final InMemoryWebhookRepository webhooks = new InMemoryWebhookRepository();
  private final FakeSecretCipher cipher = new FakeSecretCipher();
  private WebhookService service;
  private User owner;
  private User admin;
  private User member;
  private Workspace workspace;
  private UserActor ownerActor;

  @BeforeEach
  void setUp() {
    service = new WebhookService(webhooks, fx.access, cipher, fx.clock);
    owner = fx.user("Owner");
    admin = fx.user("Admin");
    member = fx.user("Member");
    workspace = fx.workspace(owner, "Coffee");
    fx.join(workspace, admin, Role.ADMIN);
    fx.join(workspace, member, Role.MEMBER);
    ownerActor = new UserActor(owner.id());
  }

  private static WebhookSettings settings(String url, List<String> events, Boolean enabled) {
    return new WebhookSettings(url, events, enabled);
  }

  private CreatedWebhook create(Actor actor) {
    return service.create(actor, workspace.id(), settings(URL, ALL_EVENTS, null));
  }

  private Webhook stored(WebhookId id) {
    return webhooks.findById(id).orElseThrow();
  }

  private static List<String> fields(ValidationException e) {
    return e.violations().stream().map(FieldViolation::field).toList();
  }

  // --- create ---------------------------------------------------------------------------------

  @Test
  void createShowsTheSecretOnceAndStoresItOnlyEncryptedBoundToTheWebhook() {
    Instant now = fx.clock.peek();

    CreatedWebhook created =
        service.create(
            ownerActor,
            workspace.id(),
            settings(URL, List.of("message.created", "lead.created"), null));

    String secret = created.secret();
    assertTrue(secret.matches("whsec_[A-Za-z0-9+/]{32}"), secret);
    Webhook webhook = created.webhook();
    assertEquals(workspace.id(), webhook.workspaceId());
    assertEquals(URL, webhook.url());
    assertEquals(Set.of(WebhookEvent.MESSAGE_CREATED, WebhookEvent.LEAD_CREATED), webhook.events());
    assertTrue(webhook.enabled(), "enabled unless asked otherwise");
    assertEquals(now, webhook.createdAt());
    assertEquals(now, webhook.updatedAt());
    assertEquals(webhook, stored(webhook.id()));
    assertEquals(List.of(webhook), webhooks.all());

    assertFalse(webhook.encryptedSecret().contains(secret));
    assertFalse(
        webhook.encryptedSecret().contains(secret.substring(Webhook.SECRET_PREFIX.length())));
    assertEquals(
        secret,
        cipher.decrypt(
            webhook.encryptedSecret(),
            WebhookService.associatedData(workspace.id(), webhook.id())));
    assertFalse(webhook.toString().contains(secret), "nothing stored shows the secret");
  }

  @Test
  void theEncryptedSecretOpensOnlyForItsOwnWorkspaceAndWebhook() {
    Webhook webhook = create(ownerActor).webhook();
    Workspace other = fx.workspace(owner, "Tea");

    assertThrows(
        IllegalStateException.class,
        () ->
            cipher.decrypt(
                webhook.encryptedSecret(),
                WebhookService.associatedData(other.id(), webhook.id())));
    assertThrows(
        IllegalStateException.class,
        () ->
            cipher.decrypt(
                webhook.encryptedSecret(),
                WebhookService.associatedData(workspace.id(), WebhookId.generate())));
  }

  @Test
  void theHintIsMasked() {
    CreatedWebhook created = create(ownerActor);

    String secret = created.secret();
    String hint = created.webhook().secretHint();
    assertEquals(Masking.mask(secret), hint);
    assertEquals("whs…" + secret.substring(secret.length() - 4), hint);
    assertFalse(hint.contains(secret.substring(Webhook.SECRET_PREFIX.length())));
    assertEquals(
        hint, service.get(ownerActor, workspace.id(), created.webhook().id()).secretHint());
  }

  @Test
  void everyWebhookGetsItsOwnSecretAndId() {
    CreatedWebhook first = create(ownerActor);
    CreatedWebhook second = create(ownerActor);

    assertNotEquals(first.secret(), second.secret());
    assertNotEquals(first.webhook().id(), second.webhook().id());
    assertNotEquals(first.webhook().encryptedSecret(), second.webhook().encryptedSecret());
  }

  @Test
  void createStripsTheUrlDeduplicatesEventsAndMayStartDisabled() {
    Webhook webhook =
        service
            .create(
                ownerActor,
                workspace.id(),
                settings(
                    "  http://localhost:8080/hook?x=1  ",
                    List.of("lead.created", "lead.created"),
                    false))
            .webhook();

    assertEquals("http://localhost:8080/hook?x=1", webhook.url());
    assertEquals(Set.of(WebhookEvent.LEAD_CREATED), webhook.events());
    assertFalse(webhook.enabled());
    assertEquals(webhook, stored(webhook.id()));
  }

  // --- validation -----------------------------------------------------------------------------

  @Test
  void missingUrlAndEventsAreBothReported() {
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () -> service.create(ownerActor, workspace.id(), settings(null, null, null)));

    assertEquals(List.of("url", "events"), fields(e));
    assertEquals(List.of(), webhooks.all());
  }

  @Test
  void everyInvalidSettingIsReportedTogetherWithUnknownEventsByPosition() {
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () ->
                service.create(
                    ownerActor,
                    workspace.id(),
                    settings(
                        "ftp://files.example.com/in",
                        Arrays.asList(
                            "message.created", "MESSAGE_CREATED", null, "lead.created", "nope"),
                        true)));

    assertEquals(List.of("url", "events[1]", "events[2]", "events[4]"), fields(e));
    assertEquals(List.of(), webhooks.all());
  }

  @Test
  void anEmptyEventListIsRefused() {
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () -> service.create(ownerActor, workspace.id(), settings(URL, List.of(), null)));

    assertEquals(List.of("events"), fields(e));
  }

  @Test
  void onlyHttpAndHttpsAddressesOfAtMost2000CharactersAreAccepted() {
    String longest = "https://hooks.example.com/" + "a".repeat(2000 - 26);
    List<String> refused =
        List.of(
            "",
            "   ",
            "hooks.example.com/in",
            "/relative/path",
            "mailto:ops@example.com",
            "javascript:alert(1)",
            "ftp://files.example.com",
            "https://",
            "http:///no-host",
            "https://exa mple.com/in",
            longest + "a");
    for (String url : refused) {
      ValidationException e =
          assertThrows(
              ValidationException.class,
              () -> service.create(ownerActor, workspace.id(), settings(url, ALL_EVENTS, null)),
              url);
      assertEquals(List.of("url"), fields(e), url);
    }
    assertEquals(List.of(), webhooks.all());

    for (String url :
        List.of(
            "http://localhost:8080/hook",
            "https://10.0.0.5/in",
            "https://hooks.example.com",
            " https://hooks.example.com/in?a=b#frag ")) {
      ValidationException e =
          assertThrows(
              ValidationException.class,
              () -> service.create(ownerActor, workspace.id(), settings(url, List.of(), null)));
      assertEquals(List.of("events"), fields(e), "the url passes, the events do not: " + url);
    }
    assertEquals(2000, longest.length());
    assertEquals(
        longest,
        service
            .create(ownerActor, workspace.id(), settings(longest, ALL_EVENTS, null))
            .webhook()
            .url());
    assertEquals(
        "http://localhost:8080/hook",
        service
            .create(
                ownerActor,
                workspace.id(),
                settings("http://localhost:8080/hook", ALL_EVENTS, null))
            .webhook()
            .url());
  }

  // --- update ---------------------------------------------------------------------------------

  @Test
  void updateChangesOnlyTheGivenSettings() {
    Webhook original = create(ownerActor).webhook();
    fx.clock.advance(Duration.ofMinutes(5));

    Webhook disabled =
        service.update(
            ownerActor,
            workspace.id(),
            original.id(),
            settings(null, List.of("conversation.created"), false));

    assertEquals(URL, disabled.url());
    assertEquals(Set.of(WebhookEvent.CONVERSATION_CREATED), disabled.events());
    assertFalse(disabled.enabled());
    assertEquals(original.createdAt(), disabled.createdAt());
    assertEquals(original.createdAt().plus(Duration.ofMinutes(5)), disabled.updatedAt());
    assertEquals(original.encryptedSecret(), disabled.encryptedSecret());
    assertEquals(original.secretHint(), disabled.secretHint());
    assertEquals(disabled, stored(original.id()));

    fx.clock.advance(Duration.ofMinutes(5));
    Webhook moved =
        service.update(
            ownerActor,
            workspace.id(),
            original.id(),
            settings(" https://crm.example.net/in ", null, null));

    assertEquals("https://crm.example.net/in", moved.url());
    assertEquals(Set.of(WebhookEvent.CONVERSATION_CREATED), moved.events());
    assertFalse(moved.enabled());
    assertEquals(moved, stored(original.id()));
  }

  @Test
  void updateWithNothingKeepsEverySettingAndOnlyTouchesUpdatedAt() {
    Webhook original = create(ownerActor).webhook();
    fx.clock.advance(Duration.ofSeconds(30));

    Webhook same =
        service.update(ownerActor, workspace.id(), original.id(), settings(null, null, null));

    assertEquals(
        original.withSettings(
            original.url(), original.events(), original.enabled(), fx.clock.peek()),
        same);
    assertEquals(EnumSet.allOf(WebhookEvent.class), same.events());
    assertEquals(same, stored(original.id()));
  }

  @Test
  void updateReportsEveryInvalidSettingAndChangesNothing() {
    Webhook original = create(ownerActor).webhook();

    ValidationException e =
        assertThrows(
            ValidationException.class,
            () ->
                service.update(
                    ownerActor,
                    workspace.id(),
                    original.id(),
                    settings(" ", List.of("message.created", "message.deleted"), false)));

    assertEquals(List.of("url", "events[1]"), fields(e));
    ValidationException empty =
        assertThrows(
            ValidationException.class,
            () ->
                service.update(
                    ownerActor, workspace.id(), original.id(), settings(null, List.of(), null)));
    assertEquals(List.of("events"), fields(empty));
    assertEquals(original, stored(original.id()));
  }

  @Test
  void updateOfAnUnknownWebhookIsNotFound() {
    assertThrows(
        NotFoundException.class,
        () ->
            service.update(
                ownerActor, workspace.id(), WebhookId.generate(), settings(URL, null, null)));
  }

  // --- list, get, delete ----------------------------------------------------------------------

  @Test
  void listShowsTheWorkspacesWebhooksOldestFirst() {
    Webhook first = create(ownerActor).webhook();
    fx.clock.advance(Duration.ofSeconds(1));
    Webhook second = create(ownerActor).webhook();
    fx.clock.advance(Duration.ofSeconds(1));
    Webhook third = create(ownerActor).webhook();
    Workspace other = fx.workspace(owner, "Tea");
    service.create(ownerActor, other.id(), settings(URL, ALL_EVENTS, null));

    assertEquals(List.of(first, second, third), service.list(ownerActor, workspace.id()));
    assertEquals(second, service.get(ownerActor, workspace.id(), second.id()));
  }

  @Test
  void deleteRemovesTheWebhook() {
    Webhook gone = create(ownerActor).webhook();
    Webhook kept = create(ownerActor).webhook();

    service.delete(ownerActor, workspace.id(), gone.id());

    assertTrue(webhooks.findById(gone.id()).isEmpty());
    assertEquals(List.of(kept), service.list(ownerActor, workspace.id()));
    assertThrows(NotFoundException.class, () -> service.get(ownerActor, workspace.id(), gone.id()));
    assertThrows(
        NotFoundException.class, () -> service.delete(ownerActor, workspace.id(), gone.id()));
    assertThrows(
        NotFoundException.class,
        () -> service.update(ownerActor, workspace.id(), gone.id(), settings(URL, null, null)));
  }

  // --- who may ----------------------------------------------------------------------------------

  @Test
  void ownersAdminsAndAdminKeysManageWebhooks() {
    UserActor adminActor = new UserActor(admin.id());
    Actor adminKey = fx.keyActor(owner, workspace.id(), ApiScope.ADMIN);

    Webhook byAdmin = create(adminActor).webhook();
    Webhook byKey = create(adminKey).webhook();

    assertEquals(Set.of(byAdmin, byKey), Set.copyOf(service.list(adminKey, workspace.id())));
    assertEquals(byAdmin, service.get(adminKey, workspace.id(), byAdmin.id()));
    assertFalse(
        service
            .update(adminKey, workspace.id(), byAdmin.id(), settings(null, null, false))
            .enabled());
    service.delete(adminKey, workspace.id(), byAdmin.id());
    service.delete(adminActor, workspace.id(), byKey.id());
    assertEquals(List.of(), service.list(ownerActor, workspace.id()));
  }

  @Test
  void membersAndReadOrWriteKeysAreRefused() {
    Webhook webhook = create(ownerActor).webhook();
    List<Actor> refused =
        List.of(
            new UserActor(member.id()),
            fx.keyActor(owner, workspace.id(), ApiScope.READ),
            fx.keyActor(owner, workspace.id(), ApiScope.WRITE));

    for (Actor actor : refused) {
      assertEverythingThrows(ForbiddenException.class, actor, webhook.id());
    }
    assertEquals(List.of(webhook), webhooks.all());
  }

  @Test
  void outsidersAndOtherWorkspacesKeysSeeNothing() {
    Webhook webhook = create(ownerActor).webhook();
    User stranger = fx.user("Stranger");
    Workspace strangers = fx.workspace(stranger, "Elsewhere");

    assertEverythingThrows(NotFoundException.class, new UserActor(stranger.id()), webhook.id());
    assertEverythingThrows(
        NotFoundException.class,
        fx.keyActor(stranger, strangers.id(), ApiScope.ADMIN),
        webhook.id());
    assertEquals(List.of(webhook), webhooks.all());
  }

  @Test
  void anotherWorkspacesWebhookIsNotFound() {
    Webhook webhook = create(ownerActor).webhook();
    User stranger = fx.user("Stranger");
    Workspace strangers = fx.workspace(stranger, "Elsewhere");
    List<Actor> actors =
        List.of(
            new UserActor(stranger.id()), fx.keyActor(stranger, strangers.id(), ApiScope.ADMIN));

    for (Actor actor : actors) {
      assertThrows(NotFoundException.class, () -> service.get(actor, strangers.id(), webhook.id()));
      assertThrows(
          NotFoundException.class,
          () ->
              service.update(
                  actor,
                  strangers.id(),
                  webhook.id(),
                  settings("https://evil.example", null, false)));
      assertThrows(
          NotFoundException.class, () -> service.delete(actor, strangers.id(), webhook.id()));
      assertEquals(List.of(), service.list(actor, strangers.id()));
    }
    assertEquals(webhook, stored(webhook.id()));
  }

  private void assertEverythingThrows(
      Class<? extends Exception> expected, Actor actor, WebhookId webhookId) {
    List<Executable> calls =
        List.of(
            () -> service.list(actor, workspace.id()),
            () -> service.get(actor, workspace.id(), webhookId),
            () -> service.create(actor, workspace.id(), settings(URL, ALL_EVENTS, null)),
            () -> service.update(actor, workspace.id(), webhookId, settings(null, null, false)),
            () -> service.delete(actor, workspace.id(), webhookId));
    for (Executable call : calls) {
      assertThrows(expected, call);
    }
  }

  // --- limits -----------------------------------------------------------------------------------

  @Test
  void aWorkspaceHasAtMostTwentyWebhooks() {
    for (int i = 0; i < WebhookService.MAX_WEBHOOKS; i++) {
      create(ownerActor);
    }

    ValidationException e = assertThrows(ValidationException.class, () -> create(ownerActor));

    assertEquals(List.of("webhooks"), fields(e));
    assertTrue(e.violations().getFirst().issue().contains("at most 20"), e.getMessage());
    assertEquals(20, webhooks.all().size());
    ValidationException together =
        assertThrows(
            ValidationException.class,
            () -> service.create(ownerActor, workspace.id(), settings(URL, List.of("x"), null)));
    assertEquals(List.of("events[0]", "webhooks"), fields(together));

    Workspace other = fx.workspace(owner, "Tea");
    service.create(ownerActor, other.id(), settings(URL, ALL_EVENTS, null));
    service.delete(ownerActor, workspace.id(), webhooks.all().getFirst().id());
    create(ownerActor);
    assertEquals(20, service.list(ownerActor, workspace.id()).size());
  }
}
