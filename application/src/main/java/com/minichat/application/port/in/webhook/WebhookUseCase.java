package com.minichat.application.port.in.webhook;

import com.minichat.domain.access.Actor;
import com.minichat.domain.webhook.Webhook;
import com.minichat.domain.webhook.WebhookId;
import com.minichat.domain.workspace.WorkspaceId;
import java.util.List;

/** A workspace's webhooks (owners, admins, admin-scope keys). */
public interface WebhookUseCase {
  List<Webhook> list(Actor actor, WorkspaceId workspaceId);

  Webhook get(Actor actor, WorkspaceId workspaceId, WebhookId webhookId);

  /**
   * Creates a webhook with a new signing secret.
   *
   * @throws com.minichat.domain.common.ValidationException listing every invalid setting
   */
  CreatedWebhook create(Actor actor, WorkspaceId workspaceId, WebhookSettings settings);

  Webhook update(
      Actor actor, WorkspaceId workspaceId, WebhookId webhookId, WebhookSettings settings);

  void delete(Actor actor, WorkspaceId workspaceId, WebhookId webhookId);
}
