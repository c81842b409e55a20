package com.minichat.adapters.http.workspace;

import com.minichat.adapters.http.account.AccountRoutes;
import com.minichat.adapters.http.support.Envelope;
import com.minichat.adapters.http.support.JsonBody;
import com.minichat.application.port.in.workspace.CreateWorkspaceUseCase;
import com.minichat.application.port.in.workspace.QueryWorkspacesUseCase;
import com.minichat.application.port.in.workspace.UpdateWorkspaceUseCase;
import com.minichat.application.port.in.workspace.WorkspaceSettings;
import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.FaqEntry;
import com.minichat.domain.workspace.Workspace;
import com.minichat.domain.workspace.WorkspaceId;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Workspace creation, listing, reading and settings. */
public final class WorkspaceRoutes {
  private final CreateWorkspaceUseCase create;
  private final UpdateWorkspaceUseCase update;
  private final QueryWorkspacesUseCase query;
  private final AccountRoutes accounts;
  private final JsonBody body;
  private final Envelope envelope;

  public WorkspaceRoutes(
      CreateWorkspaceUseCase create,
      UpdateWorkspaceUseCase update,
      QueryWorkspacesUseCase query,
      AccountRoutes accounts,
      JsonBody body,
      Envelope envelope) {
    this.create = create;
    this.update = update;
    this.query = query;
    this.accounts = accounts;
    this.body = body;
    this.envelope = envelope;
  }

  /** One FAQ entry in requests and responses. */
  public record FaqEntryDto(String question, String answer) {
    static FaqEntryDto from(FaqEntry entry) {
      return new FaqEntryDto(entry.question(), entry.answer());
    }
  }

  /** Settings to create or change; absent fields keep their value (or default). */
  public record WorkspaceRequest(
      String name,
      String welcomeMessage,
      String systemPrompt,
      List<FaqEntryDto> faq,
      List<String> allowedDomains,
      Integer dataRetentionDays,
      Boolean requireTwoFactor) {

    WorkspaceSettings toSettings() {
      // A null entry stays null so that the workspace rules report it by position.
      List<FaqEntry> entries =
          faq == null
              ? null
              : faq.stream()
                  .map(e -> e == null ? null : new FaqEntry(e.question(), e.answer()))
                  .collect(Collectors.toList());
      return new WorkspaceSettings(
          name,
          welcomeMessage,
          systemPrompt,
          entries,
          allowedDomains,
          dataRetentionDays,
          requireTwoFactor);
    }
  }

  /** A workspace as members see it. */
  public record WorkspaceResponse(
      String id,
      String name,
      String widgetKey,
      String welcomeMessage,
      String systemPrompt,
      List<FaqEntryDto> faq,
      List<String> allowedDomains,
      int dataRetentionDays,
      boolean requireTwoFactor,
      Instant createdAt,
      Instant updatedAt) {

    static WorkspaceResponse from(Workspace workspace) {
      return new WorkspaceResponse(
          workspace.id().value(),
          workspace.name(),
          workspace.widgetKey().value(),
          workspace.welcomeMessage(),
          workspace.systemPrompt(),
          workspace.faq().stream().map(FaqEntryDto::from).toList(),
          workspace.allowedDomains(),
          workspace.dataRetentionDays(),
          workspace.requireTwoFactor(),
          workspace.createdAt(),
          workspace.updatedAt());
    }
  }

  /** Adds the routes. */
  public void register(JavalinDefaultRoutingApi routes) {
    routes.post("/api/v1/workspaces", this::createWorkspace);
    routes.get("/api/v1/workspaces", this::listWorkspaces);
    routes.get("/api/v1/workspaces/{workspaceId}", this::getWorkspace);
    routes.patch("/api/v1/workspaces/{workspaceId}", this::updateWorkspace);
  }

  private void createWorkspace(Context ctx) {
    UserId owner = accounts.currentUser(ctx).id();
    WorkspaceRequest request = body.read(ctx, WorkspaceRequest.class);
    Workspace workspace = create.create(owner, request.toSettings());
    envelope.write(ctx, HttpStatus.CREATED, Map.of("workspace", WorkspaceResponse.from(workspace)));
  }

  private void listWorkspaces(Context ctx) {
    UserId actor = accounts.currentUser(ctx).id();
    List<WorkspaceResponse> workspaces =
        query.list(actor).stream().map(WorkspaceResponse::from).toList();
    envelope.ok(ctx, Map.of("workspaces", workspaces));
  }

  private void getWorkspace(Context ctx) {
    UserId actor = accounts.currentUser(ctx).id();
    Workspace workspace = query.get(actor, new WorkspaceId(ctx.pathParam("workspaceId")));
    envelope.ok(ctx, Map.of("workspace", WorkspaceResponse.from(workspace)));
  }

  private void updateWorkspace(Context ctx) {
    UserId actor = accounts.currentUser(ctx).id();
    WorkspaceRequest request = body.read(ctx, WorkspaceRequest.class);
    Workspace workspace =
        update.update(actor, new WorkspaceId(ctx.pathParam("workspaceId")), request.toSettings());
    envelope.ok(ctx, Map.of("workspace", WorkspaceResponse.from(workspace)));
  }
}
