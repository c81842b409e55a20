package com.minichat.adapters.http.modelserver;

import com.minichat.adapters.http.support.Actors;
import com.minichat.adapters.http.support.Envelope;
import com.minichat.adapters.http.workspace.WorkspaceRoutes;
import com.minichat.application.port.in.modelserver.ModelServerUseCase;
import com.minichat.application.port.in.modelserver.ModelUploadUseCase;
import com.minichat.application.port.in.modelserver.WeightsUpload;
import com.minichat.domain.access.Actor;
import com.minichat.domain.modelserver.ModelServerId;
import com.minichat.domain.modelserver.ModelUpload;
import com.minichat.domain.modelserver.ModelUploadId;
import com.minichat.domain.workspace.WorkspaceId;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.IOException;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * Creating a model on a workspace's Ollama server from a GGUF file sent as the raw request body,
 * and following the job. The body is read from the servlet stream as it arrives: Javalin's request
 * size limit applies only to bodies it buffers ({@code ctx.body()}), which this route never asks
 * for, so it accepts files of gigabytes up to the configured model limit while every JSON route
 * keeps the server's limit.
 */
public final class ModelUploadRoutes {
  private static final String MEDIA_TYPE = "application/octet-stream";

  private final ModelServerUseCase servers;
  private final ModelUploadUseCase uploads;
  private final Actors actors;
  private final Envelope envelope;

  public ModelUploadRoutes(
      ModelServerUseCase servers, ModelUploadUseCase uploads, Actors actors, Envelope envelope) {
    this.servers = servers;
    this.uploads = uploads;
    this.actors = actors;
    this.envelope = envelope;
  }

  /** A job as shown. */
  public record ModelUploadResponse(
      String id,
      String serverId,
      String model,
      String state,
      long bytesDone,
      Long bytesTotal,
      String sha256,
      String error,
      Instant createdAt,
      Instant updatedAt) {
    static ModelUploadResponse from(ModelUpload upload) {
      return new ModelUploadResponse(
          upload.id().value(),
          upload.serverId().value(),
          upload.model(),
          upload.state().wireName(),
          upload.bytesDone(),
          upload.bytesTotal(),
          upload.sha256(),
          upload.error(),
          upload.createdAt(),
          upload.updatedAt());
    }
  }

  /** Adds the routes. */
  public void register(JavalinDefaultRoutingApi routes) {
    String jobs = "/api/v1/workspaces/{workspaceId}/model-uploads";
    routes.post(ModelServerRoutes.SERVERS + "/{serverId}/models", this::upload);
    routes.get(jobs, this::recent);
    routes.get(jobs + "/{uploadId}", this::job);
  }

  private void upload(Context ctx) throws IOException {
    Actor actor = actors.actor(ctx);
    WorkspaceId workspaceId = WorkspaceRoutes.workspaceId(ctx);
    ModelServerId serverId = ModelServerRoutes.id(ctx);
    // the server is looked up before the body is judged, so outsiders learn nothing from a 415
    servers.get(actor, workspaceId, serverId);
    String contentType = ctx.contentType();
    if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith(MEDIA_TYPE)) {
      throw new HttpResponseException(
          HttpStatus.UNSUPPORTED_MEDIA_TYPE.getCode(), "Send the file as " + MEDIA_TYPE);
    }
    long length = ctx.req().getContentLengthLong();
    ModelUpload upload =
        uploads.start(
            actor,
            workspaceId,
            serverId,
            new WeightsUpload(
                ctx.queryParam("name"), length < 0 ? null : length, ctx.req().getInputStream()));
    ctx.header(
        "Location",
        "/api/v1/workspaces/" + workspaceId.value() + "/model-uploads/" + upload.id().value());
    envelope.write(ctx, HttpStatus.ACCEPTED, Map.of("upload", ModelUploadResponse.from(upload)));
  }

  private void recent(Context ctx) {
    envelope.ok(
        ctx,
        Map.of(
            "uploads",
            uploads.recent(actors.actor(ctx), WorkspaceRoutes.workspaceId(ctx)).stream()
                .map(ModelUploadResponse::from)
                .toList()));
  }

  private void job(Context ctx) {
    ModelUpload upload =
        uploads.get(
            actors.actor(ctx),
            WorkspaceRoutes.workspaceId(ctx),
            new ModelUploadId(ctx.pathParam("uploadId")));
    envelope.ok(ctx, Map.of("upload", ModelUploadResponse.from(upload)));
  }
}
