package com.minichat.adapters.http.webhook;

import com.minichat.adapters.http.support.Actors;
import com.minichat.adapters.http.support.Envelope;
import com.minichat.adapters.http.support.JsonBody;
import com.minichat.adapters.http.workspace.WorkspaceRoutes;
import com.minichat.application.port.in.webhook.CreatedWebhook;
import com.minichat.application.port.in.webhook.WebhookSettings;
import com.minichat.application.port.in.webhook.WebhookUseCase;
import com.minichat.domain.access.Actor;
import com.minichat.domain.webhook.Webhook;
import com.minichat.domain.webhook.WebhookEvent;
import com.minichat.domain.webhook.WebhookId;
import com.minichat.domain.workspace.WorkspaceId;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A workspace's webhooks. The signing secret is shown once, at creation. */
public final class WebhookRoutes {
  private final WebhookUseCase webhooks;
  private final Actors actors;
  private final JsonBody body;
  private final Envelope envelope;

  public WebhookRoutes(WebhookUseCase webhooks, Actors actors, JsonBody body, Envelope envelope) {
    this.webhooks = webhooks;
    this.actors = actors;
    this.body = body;
    this.envelope = envelope;
  }

  /** Settings as sent; absent fields stay on update. */
  public record WebhookRequest(String url, List<String> events, Boolean enabled) {
    WebhookSettings toSettings() {
      return new WebhookSettings(url, events, enabled);
    }
  }

  /** A webhook as shown: the secret only masked. */
  public record WebhookResponse(
      String id,
      String url,
      List<String> events,
      boolean enabled,
      String secret,
      Instant createdAt,
      Instant updatedAt) {
    static WebhookResponse from(Webhook webhook) {
      return new WebhookResponse(
          webhook.id().value(),
          webhook.url(),
          webhook.events().stream().sorted().map(WebhookEvent::wireName).toList(),
          webhook.enabled(),
          webhook.secretHint(),
          webhook.createdAt(),
          webhook.updatedAt());
    }
  }

  /** Adds the routes. */
  public void register(JavalinDefaultRoutingApi routes) {
    String all = "/api/v1/workspaces/{workspaceId}/webhooks";
    String one = all + "/{webhookId}";
    routes.get(all, this::list);
    routes.post(all, this::create);
    routes.get(one, ctx -> write(ctx, webhooks.get(actors.actor(ctx), workspace(ctx), id(ctx))));
    routes.patch(one, this::update);
    routes.delete(one, this::delete);
  }

  private void list(Context ctx) {
    envelope.ok(
        ctx,
        Map.of(
            "webhooks",
            webhooks.list(actors.actor(ctx), workspace(ctx)).stream()
                .map(WebhookResponse::from)
                .toList()));
  }

  private void create(Context ctx) {
    Actor actor = actors.actor(ctx);
    CreatedWebhook created =
        webhooks.create(actor, workspace(ctx), body.read(ctx, WebhookRequest.class).toSettings());
    ctx.header("Cache-Control", "no-store");
    envelope.write(
        ctx,
        HttpStatus.CREATED,
        Map.of("webhook", WebhookResponse.from(created.webhook()), "secret", created.secret()));
  }

  private void update(Context ctx) {
    Actor actor = actors.actor(ctx);
    write(
        ctx,
        webhooks.update(
            actor, workspace(ctx), id(ctx), body.read(ctx, WebhookRequest.class).toSettings()));
  }

  private void delete(Context ctx) {
    webhooks.delete(actors.actor(ctx), workspace(ctx), id(ctx));
    envelope.ok(ctx, Map.of("deleted", true));
  }

  private void write(Context ctx, Webhook webhook) {
    envelope.ok(ctx, Map.of("webhook", WebhookResponse.from(webhook)));
  }

  private static WorkspaceId workspace(Context ctx) {
    return WorkspaceRoutes.workspaceId(ctx);
  }

  private static WebhookId id(Context ctx) {
    return new WebhookId(ctx.pathParam("webhookId"));
  }
}
