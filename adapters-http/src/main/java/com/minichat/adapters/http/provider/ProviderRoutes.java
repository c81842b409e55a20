package com.minichat.adapters.http.provider;

import com.minichat.adapters.http.support.Actors;
import com.minichat.adapters.http.support.Envelope;
import com.minichat.adapters.http.support.JsonBody;
import com.minichat.adapters.http.workspace.WorkspaceRoutes;
import com.minichat.application.port.in.provider.ProviderChainUseCase;
import com.minichat.application.port.in.provider.ProviderSetting;
import com.minichat.domain.access.Actor;
import com.minichat.domain.provider.ProviderConfig;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A workspace's ordered AI provider chain. Keys are write-only: answers show them masked. */
public final class ProviderRoutes {
  private final ProviderChainUseCase providers;
  private final Actors actors;
  private final JsonBody body;
  private final Envelope envelope;

  public ProviderRoutes(
      ProviderChainUseCase providers, Actors actors, JsonBody body, Envelope envelope) {
    this.providers = providers;
    this.actors = actors;
    this.body = body;
    this.envelope = envelope;
  }

  /** One provider as sent; {@code serverId} names a registered model server instead. */
  public record ProviderRequest(
      String type, String model, String baseUrl, String apiKey, String serverId) {}

  /** One provider as shown: the key only masked. */
  public record ProviderResponse(
      String type, String model, String baseUrl, String apiKey, String serverId) {
    static ProviderResponse from(ProviderConfig config) {
      return new ProviderResponse(
          config.type().wireName(),
          config.model(),
          config.baseUrl(),
          config.apiKeyHint(),
          config.serverId() == null ? null : config.serverId().value());
    }
  }

  /** Adds the routes. */
  public void register(JavalinDefaultRoutingApi routes) {
    routes.get("/api/v1/workspaces/{workspaceId}/providers", this::chain);
    routes.put("/api/v1/workspaces/{workspaceId}/providers", this::replace);
  }

  private void chain(Context ctx) {
    write(ctx, providers.chain(actors.actor(ctx), WorkspaceRoutes.workspaceId(ctx)));
  }

  private void replace(Context ctx) {
    Actor actor = actors.actor(ctx);
    List<ProviderSetting> settings =
        Arrays.stream(body.read(ctx, ProviderRequest[].class))
            .map(
                request ->
                    request == null
                        ? null
                        : new ProviderSetting(
                            request.type(),
                            request.model(),
                            request.baseUrl(),
                            request.apiKey(),
                            request.serverId()))
            .collect(Collectors.toList());
    write(ctx, providers.replace(actor, WorkspaceRoutes.workspaceId(ctx), settings));
  }

  private void write(Context ctx, List<ProviderConfig> chain) {
    envelope.ok(ctx, Map.of("providers", chain.stream().map(ProviderResponse::from).toList()));
  }
}
