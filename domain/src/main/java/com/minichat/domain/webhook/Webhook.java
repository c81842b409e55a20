package com.minichat.domain.webhook;

import com.minichat.domain.workspace.WorkspaceId;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A URL that receives a workspace's events, signed with a secret (Standard Webhooks). The secret is
 * kept only encrypted; {@code secretHint} shows its end for recognition.
 */
public record Webhook(
    WebhookId id,
    WorkspaceId workspaceId,
    String url,
    Set<WebhookEvent> events,
    String encryptedSecret,
    String secretHint,
    boolean enabled,
    Instant createdAt,
    Instant updatedAt) {

  /** Prefix of webhook signing secrets. */
  public static final String SECRET_PREFIX = "whsec_";

  public Webhook {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(workspaceId, "workspaceId");
    Objects.requireNonNull(url, "url");
    events = Set.copyOf(events);
    Objects.requireNonNull(encryptedSecret, "encryptedSecret");
    Objects.requireNonNull(secretHint, "secretHint");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /** A copy with other settings. */
  public Webhook withSettings(
      String newUrl, Set<WebhookEvent> newEvents, boolean nowEnabled, Instant now) {
    return new Webhook(
        id,
        workspaceId,
        newUrl,
        newEvents,
        encryptedSecret,
        secretHint,
        nowEnabled,
        createdAt,
        now);
  }
}
