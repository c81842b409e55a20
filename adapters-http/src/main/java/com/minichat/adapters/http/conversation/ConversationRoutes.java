package com.minichat.adapters.http.conversation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.minichat.adapters.http.support.Actors;
import com.minichat.adapters.http.support.Envelope;
import com.minichat.adapters.http.support.JsonBody;
import com.minichat.adapters.http.support.Requests;
import com.minichat.application.port.in.conversation.ConversationChange;
import com.minichat.application.port.in.conversation.ConversationUseCase;
import com.minichat.application.port.in.conversation.QueryConversationsUseCase;
import com.minichat.domain.access.Actor;
import com.minichat.domain.access.KeyActor;
import com.minichat.domain.common.ValidationException;
import com.minichat.domain.conversation.Conversation;
import com.minichat.domain.conversation.ConversationId;
import com.minichat.domain.conversation.ConversationStatus;
import com.minichat.domain.conversation.MessageId;
import com.minichat.domain.conversation.Receipts;
import com.minichat.domain.conversation.VisitorProfile;
import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.WorkspaceId;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Instant;
import java.util.Optional;

/**
 * Conversations for team members and API keys: read with the {@code read} scope; answer, take over,
 * change status, edit and acknowledge with the {@code write} scope.
 */
public final class ConversationRoutes {
  private final QueryConversationsUseCase query;
  private final ConversationUseCase conversations;
  private final Actors actors;
  private final JsonBody body;
  private final Envelope envelope;

  public ConversationRoutes(
      QueryConversationsUseCase query,
      ConversationUseCase conversations,
      Actors actors,
      JsonBody body,
      Envelope envelope) {
    this.query = query;
    this.conversations = conversations;
    this.actors = actors;
    this.body = body;
    this.envelope = envelope;
  }

  /** A conversation as the team sees it. */
  public record ConversationResponse(
      String id,
      String workspaceId,
      String visitorId,
      String status,
      VisitorResponse visitor,
      boolean aiPaused,
      boolean humanRequested,
      ReceiptsResponse receipts,
      String assigneeId,
      Instant createdAt,
      Instant updatedAt) {

    /** The team's view of {@code conversation}. */
    public static ConversationResponse from(Conversation conversation) {
      return new ConversationResponse(
          conversation.id().value(),
          conversation.workspaceId().value(),
          conversation.visitorId().value(),
          conversation.status().name(),
          VisitorResponse.from(conversation.visitor()),
          conversation.aiPaused(),
          conversation.humanRequested(),
          ReceiptsResponse.from(conversation.receipts()),
          conversation.assigneeId() == null ? null : conversation.assigneeId().value(),
          conversation.createdAt(),
          conversation.updatedAt());
    }
  }

  /** What the visitor told about themselves; absent parts are left out. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record VisitorResponse(String name, String email, String phone) {
    static VisitorResponse from(VisitorProfile profile) {
      return new VisitorResponse(profile.name(), profile.email(), profile.phone());
    }
  }

  /** How far each side has received and seen; marks not yet set are left out. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ReceiptsResponse(
      Instant visitorDeliveredUpTo,
      Instant visitorSeenUpTo,
      Instant teamDeliveredUpTo,
      Instant teamSeenUpTo) {
    /** Both sides' marks. */
    public static ReceiptsResponse from(Receipts receipts) {
      return new ReceiptsResponse(
          receipts.visitorDeliveredUpTo(),
          receipts.visitorSeenUpTo(),
          receipts.teamDeliveredUpTo(),
          receipts.teamSeenUpTo());
    }
  }

  /** A message's text. */
  public record TextRequest(String text) {}

  /**
   * The parts of a conversation to change; absent ones stay. {@code assigneeId} names the member
   * responsible; an empty string leaves the conversation to nobody.
   */
  public record ChangeRequest(String status, Boolean aiPaused, String assigneeId) {
    Optional<UserId> assignee() {
      if (assigneeId == null) {
        return null;
      }
      return assigneeId.isBlank() ? Optional.empty() : Optional.of(new UserId(assigneeId.strip()));
    }
  }

  /** A receipt: the kind ({@code delivered}, {@code seen}) and the last message it covers. */
  public record ReceiptRequest(String kind, String upTo) {
    /** The receipt's kind, checked. */
    public Receipts.Kind parsedKind() {
      if (kind == null) {
        throw new ValidationException("kind", "is required: delivered or seen");
      }
      return Requests.choice(kind, Receipts.Kind.class, "kind");
    }

    /** The last message covered, checked. */
    public MessageId lastMessage() {
      if (upTo == null || upTo.isBlank()) {
        throw new ValidationException("upTo", "is required: the id of the last message covered");
      }
      return new MessageId(upTo);
    }
  }

  /** Adds the routes. */
  public void register(JavalinDefaultRoutingApi routes) {
    String conversation = "/api/v1/conversations/{conversationId}";
    routes.get("/api/v1/conversations", this::listConversations);
    routes.get(conversation, this::getConversation);
    routes.patch(conversation, this::change);
    routes.get(conversation + "/messages", this::listMessages);
    routes.post(conversation + "/messages", this::reply);
    routes.patch(conversation + "/messages/{messageId}", this::edit);
    routes.post(conversation + "/receipts", this::receipt);
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

  private void getConversation(Context ctx) {
    envelope.ok(
        ctx, ConversationResponse.from(query.conversation(actors.actor(ctx), conversationId(ctx))));
  }

  private void change(Context ctx) {
    Actor actor = actors.actor(ctx);
    ChangeRequest request = body.read(ctx, ChangeRequest.class);
    ConversationChange change =
        new ConversationChange(
            Requests.choice(request.status(), ConversationStatus.class, "status"),
            request.aiPaused(),
            request.assignee());
    envelope.ok(
        ctx, ConversationResponse.from(conversations.change(actor, conversationId(ctx), change)));
  }

  private void listMessages(Context ctx) {
    Actor actor = actors.actor(ctx);
    envelope.page(
        ctx, query.messages(actor, conversationId(ctx), Requests.page(ctx)), MessageResponse::from);
  }

  private void reply(Context ctx) {
    Actor actor = actors.actor(ctx);
    TextRequest request = body.read(ctx, TextRequest.class);
    envelope.write(
        ctx,
        HttpStatus.CREATED,
        MessageResponse.from(conversations.reply(actor, conversationId(ctx), request.text())));
  }

  private void edit(Context ctx) {
    Actor actor = actors.actor(ctx);
    TextRequest request = body.read(ctx, TextRequest.class);
    envelope.ok(
        ctx,
        MessageResponse.from(
            conversations.edit(
                actor,
                conversationId(ctx),
                new MessageId(ctx.pathParam("messageId")),
                request.text())));
  }

  private void receipt(Context ctx) {
    Actor actor = actors.actor(ctx);
    ReceiptRequest request = body.read(ctx, ReceiptRequest.class);
    envelope.ok(
        ctx,
        ConversationResponse.from(
            conversations.receipt(
                actor, conversationId(ctx), request.parsedKind(), request.lastMessage())));
  }

  private static ConversationId conversationId(Context ctx) {
    return new ConversationId(ctx.pathParam("conversationId"));
  }
}
