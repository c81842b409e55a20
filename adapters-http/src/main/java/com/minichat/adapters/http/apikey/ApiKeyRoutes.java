package com.minichat.adapters.http.apikey;

import com.minichat.adapters.http.support.Actors;
import com.minichat.adapters.http.support.Envelope;
import com.minichat.adapters.http.support.JsonBody;
import com.minichat.adapters.http.workspace.WorkspaceRoutes;
import com.minichat.application.port.in.apikey.ApiKeyUseCase;
import com.minichat.application.port.in.apikey.CreatedApiKey;
import com.minichat.domain.apikey.ApiKey;
import com.minichat.domain.apikey.ApiKeyId;
import com.minichat.domain.apikey.ApiScope;
import com.minichat.domain.common.ValidationException;
import com.minichat.domain.user.UserId;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/** A workspace's API keys: secrets are shown once, at creation and rotation. */
public final class ApiKeyRoutes {
  private final ApiKeyUseCase keys;
  private final Actors actors;
  private final JsonBody body;
  private final Envelope envelope;
  private final Clock clock;

  public ApiKeyRoutes(
      ApiKeyUseCase keys, Actors actors, JsonBody body, Envelope envelope, Clock clock) {
    this.keys = keys;
    this.actors = actors;
    this.body = body;
    this.envelope = envelope;
    this.clock = clock;
  }

  /** A new key. */
  public record CreateKeyRequest(String name, String scope, Integer expiresInDays) {}

  /** A key as lists show it: never the secret, only its first characters. */
  public record ApiKeyResponse(
      String id,
      String name,
      String hint,
      String scope,
      String status,
      String createdBy,
      Instant createdAt,
      Instant expiresAt,
      Instant lastUsedAt,
      Instant revokedAt,
      String replacedBy) {

    static ApiKeyResponse from(ApiKey key, Instant now) {
      String status =
          key.revokedAt() != null
              ? "revoked"
              : key.isExpired(now)
                  ? "expired"
                  : key.replacedBy() != null
                      ? "rotating"
                      : key.expiresSoon(now) ? "expiring" : "active";
      return new ApiKeyResponse(
          key.id().value(),
          key.name(),
          key.hint() + "…",
          key.scope().name().toLowerCase(Locale.ROOT),
          status,
          key.createdBy().value(),
          key.createdAt(),
          key.expiresAt(),
          key.lastUsedAt(),
          key.revokedAt(),
          key.replacedBy() == null ? null : key.replacedBy().value());
    }
  }

  /** Adds the routes. */
  public void register(JavalinDefaultRoutingApi routes) {
    routes.get("/api/v1/workspaces/{workspaceId}/api-keys", this::list);
    routes.post("/api/v1/workspaces/{workspaceId}/api-keys", this::create);
    routes.post("/api/v1/workspaces/{workspaceId}/api-keys/{keyId}/rotate", this::rotate);
    routes.delete("/api/v1/workspaces/{workspaceId}/api-keys/{keyId}", this::revoke);
  }

  private void list(Context ctx) {
    UserId actor = actors.user(ctx).id();
    Instant now = clock.instant();
    envelope.ok(
        ctx,
        Map.of(
            "apiKeys",
            keys.list(actor, WorkspaceRoutes.workspaceId(ctx)).stream()
                .map(key -> ApiKeyResponse.from(key, now))
                .toList()));
  }

  private void create(Context ctx) {
    UserId actor = actors.user(ctx).id();
    CreateKeyRequest request = body.read(ctx, CreateKeyRequest.class);
    CreatedApiKey created =
        keys.create(
            actor,
            WorkspaceRoutes.workspaceId(ctx),
            request.name(),
            scope(request.scope()),
            request.expiresInDays());
    writeCreated(ctx, created);
  }

  private void rotate(Context ctx) {
    UserId actor = actors.user(ctx).id();
    writeCreated(
        ctx,
        keys.rotate(actor, WorkspaceRoutes.workspaceId(ctx), new ApiKeyId(ctx.pathParam("keyId"))));
  }

  private void revoke(Context ctx) {
    keys.revoke(
        actors.user(ctx).id(),
        WorkspaceRoutes.workspaceId(ctx),
        new ApiKeyId(ctx.pathParam("keyId")));
    envelope.ok(ctx, Map.of("revoked", true));
  }

  private void writeCreated(Context ctx, CreatedApiKey created) {
    ctx.header("Cache-Control", "no-store");
    envelope.write(
        ctx,
        HttpStatus.CREATED,
        Map.of(
            "apiKey", ApiKeyResponse.from(created.key(), clock.instant()),
            "key", created.secret()));
  }

  private static ApiScope scope(String value) {
    if (value == null) {
      return null;
    }
    try {
      return ApiScope.valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ValidationException("scope", "must be read, write or admin");
    }
  }
}
