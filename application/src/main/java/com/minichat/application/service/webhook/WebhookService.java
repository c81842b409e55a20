package com.minichat.application.service.webhook;

import com.minichat.application.port.in.webhook.CreatedWebhook;
import com.minichat.application.port.in.webhook.WebhookSettings;
import com.minichat.application.port.in.webhook.WebhookUseCase;
import com.minichat.application.port.out.security.SecretCipher;
import com.minichat.application.port.out.webhook.WebhookRepository;
import com.minichat.application.service.workspace.WorkspaceAccess;
import com.minichat.domain.access.Actor;
import com.minichat.domain.common.Masking;
import com.minichat.domain.common.NotFoundException;
import com.minichat.domain.common.Urls;
import com.minichat.domain.common.Violations;
import com.minichat.domain.team.Permission;
import com.minichat.domain.webhook.Webhook;
import com.minichat.domain.webhook.WebhookEvent;
import com.minichat.domain.webhook.WebhookId;
import com.minichat.domain.workspace.WorkspaceId;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Creating, changing and removing webhooks; signing secrets are encrypted at rest. */
public final class WebhookService implements WebhookUseCase {
  /** Most webhooks a workspace may have. */
  public static final int MAX_WEBHOOKS = 20;

  private static final int MAX_URL = 2000;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final WebhookRepository webhooks;
  private final WorkspaceAccess access;
  private final SecretCipher cipher;
  private final Clock clock;

  public WebhookService(
      WebhookRepository webhooks, WorkspaceAccess access, SecretCipher cipher, Clock clock) {
    this.webhooks = webhooks;
    this.access = access;
    this.cipher = cipher;
    this.clock = clock;
  }

  /** Associated data binding an encrypted signing secret to its webhook and workspace. */
  public static String associatedData(WorkspaceId workspaceId, WebhookId webhookId) {
    return "workspace|webhooks|" + workspaceId.value() + "|" + webhookId.value();
  }

  @Override
  public List<Webhook> list(Actor actor, WorkspaceId workspaceId) {
    access.require(actor, workspaceId, Permission.MANAGE_WEBHOOKS);
    return webhooks.findByWorkspace(workspaceId);
  }

  @Override
  public Webhook get(Actor actor, WorkspaceId workspaceId, WebhookId webhookId) {
    access.require(actor, workspaceId, Permission.MANAGE_WEBHOOKS);
    return webhookOf(workspaceId, webhookId);
  }

  @Override
  public CreatedWebhook create(Actor actor, WorkspaceId workspaceId, WebhookSettings settings) {
    access.require(actor, workspaceId, Permission.MANAGE_WEBHOOKS);
    Violations violations = new Violations();
    checkUrl(settings.url(), true, violations);
    Set<WebhookEvent> events = events(settings.events(), true, violations);
    violations
        .check(
            webhooks.findByWorkspace(workspaceId).size() < MAX_WEBHOOKS,
            "webhooks",
            "a workspace can have at most " + MAX_WEBHOOKS + " webhooks")
        .throwIfAny();
    byte[] random = new byte[24];
    RANDOM.nextBytes(random);
    String secret = Webhook.SECRET_PREFIX + Base64.getEncoder().encodeToString(random);
    WebhookId id = WebhookId.generate();
    Instant now = clock.instant();
    Webhook webhook =
        new Webhook(
            id,
            workspaceId,
            settings.url().strip(),
            events,
            cipher.encrypt(secret, associatedData(workspaceId, id)),
            Masking.mask(secret),
            Objects.requireNonNullElse(settings.enabled(), true),
            now,
            now);
    webhooks.insert(webhook);
    return new CreatedWebhook(webhook, secret);
  }

  @Override
  public Webhook update(
      Actor actor, WorkspaceId workspaceId, WebhookId webhookId, WebhookSettings settings) {
    access.require(actor, workspaceId, Permission.MANAGE_WEBHOOKS);
    Webhook current = webhookOf(workspaceId, webhookId);
    Violations violations = new Violations();
    checkUrl(settings.url(), false, violations);
    Set<WebhookEvent> events = events(settings.events(), false, violations);
    violations.throwIfAny();
    Webhook updated =
        current.withSettings(
            settings.url() == null ? current.url() : settings.url().strip(),
            settings.events() == null ? current.events() : events,
            Objects.requireNonNullElse(settings.enabled(), current.enabled()),
            clock.instant());
    webhooks.update(updated);
    return updated;
  }

  @Override
  public void delete(Actor actor, WorkspaceId workspaceId, WebhookId webhookId) {
    access.require(actor, workspaceId, Permission.MANAGE_WEBHOOKS);
    webhooks.delete(webhookOf(workspaceId, webhookId).id());
  }

  private Webhook webhookOf(WorkspaceId workspaceId, WebhookId webhookId) {
    return webhooks
        .findById(webhookId)
        .filter(webhook -> webhook.workspaceId().equals(workspaceId))
        .orElseThrow(() -> new NotFoundException("Webhook not found"));
  }

  private static void checkUrl(String url, boolean required, Violations violations) {
    if (url == null) {
      violations.check(!required, "url", "is required");
      return;
    }
    violations.check(
        Urls.isHttp(url, MAX_URL), "url", "must be an http(s) address of at most 2000 characters");
  }

  private static Set<WebhookEvent> events(
      List<String> names, boolean required, Violations violations) {
    if (names == null) {
      violations.check(!required, "events", "is required: at least one event");
      return Set.of();
    }
    violations.check(!names.isEmpty(), "events", "must name at least one event");
    Set<WebhookEvent> events = EnumSet.noneOf(WebhookEvent.class);
    for (int i = 0; i < names.size(); i++) {
      Optional<WebhookEvent> event = WebhookEvent.fromWireName(names.get(i));
      violations.check(
          event.isPresent(),
          "events[" + i + "]",
          "must be message.created, conversation.created or lead.created");
      event.ifPresent(events::add);
    }
    return events;
  }
}
