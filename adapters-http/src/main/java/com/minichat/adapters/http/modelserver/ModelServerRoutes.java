package com.minichat.adapters.http.modelserver;

import com.minichat.adapters.http.support.Actors;
import com.minichat.adapters.http.support.Envelope;
import com.minichat.adapters.http.support.JsonBody;
import com.minichat.adapters.http.workspace.WorkspaceRoutes;
import com.minichat.application.port.in.modelserver.ModelServerSettings;
import com.minichat.application.port.in.modelserver.ModelServerUseCase;
import com.minichat.application.port.out.ai.ServerModel;
import com.minichat.domain.access.Actor;
import com.minichat.domain.modelserver.ModelServer;
import com.minichat.domain.modelserver.ModelServerId;
import com.minichat.domain.workspace.WorkspaceId;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Instant;
import java.util.Map;

/**
 * A workspace's registered self-hosted model servers and the models each offers. Keys are
 * write-only: answers show them masked.
 */
public final class ModelServerRoutes {
  /** The path of a workspace's servers. */
  static final String SERVERS = "/api/v1/workspaces/{workspaceId}/model-servers";

  private final ModelServerUseCase servers;
  private final Actors actors;
  private final JsonBody body;
  private final Envelope envelope;

  public ModelServerRoutes(
      ModelServerUseCase servers, Actors actors, JsonBody body, Envelope envelope) {
    this.servers = servers;
    this.actors = actors;
    this.body = body;
    this.envelope = envelope;
  }

  /** A server as registered. */
  public record ModelServerRequest(String name, String type, String baseUrl, String apiKey) {}

  /** A server as shown: the key only masked. */
  public record ModelServerResponse(
      String id, String name, String type, String baseUrl, String apiKey, Instant createdAt) {
    static ModelServerResponse from(ModelServer server) {
      return new ModelServerResponse(
          server.id().value(),
          server.name(),
          server.type().wireName(),
          server.baseUrl(),
          server.apiKeyHint(),
          server.createdAt());
    }
  }

  /** A model the server offers; what the server does not say is {@code null}. */
  public record ServerModelResponse(
      String name, Long sizeBytes, String parameterSize, String quantization) {
    static ServerModelResponse from(ServerModel model) {
      return new ServerModelResponse(
          model.name(), model.sizeBytes(), model.parameterSize(), model.quantization());
    }
  }

  /** Adds the routes. */
  public void register(JavalinDefaultRoutingApi routes) {
    String one = SERVERS + "/{serverId}";
    routes.get(SERVERS, this::list);
    routes.post(SERVERS, this::register);
    routes.get(one, ctx -> write(ctx, servers.get(actors.actor(ctx), workspace(ctx), id(ctx))));
    routes.delete(one, this::delete);
    routes.get(one + "/models", this::models);
  }

  private void list(Context ctx) {
    envelope.ok(
        ctx,
        Map.of(
            "servers",
            servers.list(actors.actor(ctx), workspace(ctx)).stream()
                .map(ModelServerResponse::from)
                .toList()));
  }

  private void register(Context ctx) {
    Actor actor = actors.actor(ctx);
    ModelServerRequest request = body.read(ctx, ModelServerRequest.class);
    ModelServer server =
        servers.register(
            actor,
            workspace(ctx),
            new ModelServerSettings(
                request.name(), request.type(), request.baseUrl(), request.apiKey()));
    envelope.write(ctx, HttpStatus.CREATED, Map.of("server", ModelServerResponse.from(server)));
  }

  private void delete(Context ctx) {
    servers.delete(actors.actor(ctx), workspace(ctx), id(ctx));
    envelope.ok(ctx, Map.of("deleted", true));
  }

  private void models(Context ctx) {
    envelope.ok(
        ctx,
        Map.of(
            "models",
            servers.models(actors.actor(ctx), workspace(ctx), id(ctx)).stream()
                .map(ServerModelResponse::from)
                .toList()));
  }

  private void write(Context ctx, ModelServer server) {
    envelope.ok(ctx, Map.of("server", ModelServerResponse.from(server)));
  }

  private static WorkspaceId workspace(Context ctx) {
    return WorkspaceRoutes.workspaceId(ctx);
  }

  /** The server named in the path. */
  static ModelServerId id(Context ctx) {
    return new ModelServerId(ctx.pathParam("serverId"));
  }
}
