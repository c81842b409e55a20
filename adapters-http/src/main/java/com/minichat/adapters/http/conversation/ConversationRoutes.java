package com.minichat.adapters.http.conversation;

import com.minichat.adapters.http.support.Actors;
import com.minichat.adapters.http.support.Envelope;
import com.minichat.adapters.http.support.Requests;
import com.minichat.application.port.in.conversation.QueryConversationsUseCase;
import com.minichat.domain.access.Actor;
import com.minichat.domain.access.KeyActor;
import com.minichat.domain.conversation.Conversation;
import com.minichat.domain.conversation.ConversationId;
import com.minichat.domain.workspace.WorkspaceId;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Instant;

/** The server API over conversations for team members. */
public final class ConversationRoutes {
  private final QueryConversationsUseCase query;
  private final Actors actors;
  private final Envelope envelope;

  public ConversationRoutes(QueryConversationsUseCase query, Actors actors, Envelope envelope) {
    this.query = query;
    this.actors = actors;
    this.envelope = envelope;
  }

  /** A conversation as the API shows it. */
  public record ConversationResponse(
      String id,
      String workspaceId,
      String visitorId,
      String status,
      Instant createdAt,
      Instant updatedAt) {

    static ConversationResponse from(Conversation conversation) {
      return new ConversationResponse(
          conversation.id().value(),
          conversation.workspaceId().value(),
          conversation.visitorId().value(),
          conversation.status().name(),
          conversation.createdAt(),
          conversation.updatedAt());
    }
  }

  /** Adds the routes. */
  public void register(JavalinDefaultRoutingApi routes) {
    routes.get("/api/v1/conversations", this::listConversations);
    routes.get("/api/v1/conversations/{conversationId}/messages", this::listMessages);
  }

  private void listConversations(Context ctx) {
    Actor actor = actors.actor(ctx);
    // A key belongs to one workspace, so it may leave the parameter out.
    WorkspaceId workspaceId =
        actor instanceof KeyActor key && ctx.queryParam("workspaceId") == null
            ? key.key().workspaceId()
            : new WorkspaceId(Requests.requiredQuery(ctx, "workspaceId"));
    envelope.page(
        ctx,
        query.conversations(actor, workspaceId, Requests.page(ctx)),
        ConversationResponse::from);
  }

  private void listMessages(Context ctx) {
    Actor actor = actors.actor(ctx);
    ConversationId conversationId = new ConversationId(ctx.pathParam("conversationId"));
    envelope.page(
        ctx, query.messages(actor, conversationId, Requests.page(ctx)), MessageResponse::from);
  }
}
