package com.minichat.application.port.out.webhook;

import com.minichat.domain.webhook.Webhook;
import com.minichat.domain.webhook.WebhookId;
import com.minichat.domain.workspace.WorkspaceId;
import java.util.List;
import java.util.Optional;

/** Stores webhooks; secrets arrive already encrypted. */
public interface WebhookRepository {
  void insert(Webhook webhook);

  /** Replaces the stored webhook; {@code NotFoundException} when there is none. */
  void update(Webhook webhook);

  /** Removes the webhook; nothing happens when there is none. */
  void delete(WebhookId id);

  Optional<Webhook> findById(WebhookId id);

  /** The workspace's webhooks, oldest first. */
  List<Webhook> findByWorkspace(WorkspaceId workspaceId);
}
