package com.minichat.application.fake;

import static com.minichat.application.fake.InMemoryPaging.millis;

import com.minichat.application.port.out.webhook.WebhookRepository;
import com.minichat.domain.common.ConflictException;
import com.minichat.domain.common.NotFoundException;
import com.minichat.domain.webhook.Webhook;
import com.minichat.domain.webhook.WebhookId;
import com.minichat.domain.workspace.WorkspaceId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Thread-safe in-memory {@link WebhookRepository} with the same semantics as the real adapters:
 * unique ids ({@link ConflictException} otherwise), {@link #update} of an unknown id fails with
 * {@link NotFoundException}, {@link #delete} of one does nothing, every field kept, instants kept
 * at millisecond precision, a workspace's webhooks oldest first (creation time, then id).
 */
public final class InMemoryWebhookRepository implements WebhookRepository {
  private static final Comparator<Webhook> OLDEST_FIRST =
      Comparator.comparing(Webhook::createdAt).thenComparing(webhook -> webhook.id().value());

  private final Map<WebhookId, Webhook> webhooks = new LinkedHashMap<>();

  @Override
  public synchronized void insert(Webhook webhook) {
    Objects.requireNonNull(webhook, "webhook");
    if (webhooks.containsKey(webhook.id())) {
      throw new ConflictException("A webhook with this id already exists");
    }
    webhooks.put(webhook.id(), stored(webhook));
  }

  @Override
  public synchronized void update(Webhook webhook) {
    Objects.requireNonNull(webhook, "webhook");
    if (!webhooks.containsKey(webhook.id())) {
      throw new NotFoundException("Webhook not found");
    }
    webhooks.put(webhook.id(), stored(webhook));
  }

  @Override
  public synchronized void delete(WebhookId id) {
    webhooks.remove(id);
  }

  @Override
  public synchronized Optional<Webhook> findById(WebhookId id) {
    return Optional.ofNullable(webhooks.get(id));
  }

  @Override
  public synchronized List<Webhook> findByWorkspace(WorkspaceId workspaceId) {
    return webhooks.values().stream()
        .filter(webhook -> webhook.workspaceId().equals(workspaceId))
        .sorted(OLDEST_FIRST)
        .toList();
  }

  /** Every stored webhook in insertion order; for assertions in tests. */
  public synchronized List<Webhook> all() {
    return List.copyOf(webhooks.values());
  }

  private static Webhook stored(Webhook webhook) {
    return new Webhook(
        webhook.id(),
        webhook.workspaceId(),
        webhook.url(),
        webhook.events(),
        webhook.encryptedSecret(),
        webhook.secretHint(),
        webhook.enabled(),
        millis(webhook.createdAt()),
        millis(webhook.updatedAt()));
  }
}
