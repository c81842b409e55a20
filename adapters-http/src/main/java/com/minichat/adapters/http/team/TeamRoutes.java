package com.minichat.adapters.http.team;

import com.minichat.adapters.http.support.Actors;
import com.minichat.adapters.http.support.Envelope;
import com.minichat.adapters.http.support.JsonBody;
import com.minichat.adapters.http.workspace.WorkspaceRoutes;
import com.minichat.adapters.http.workspace.WorkspaceRoutes.MemberWorkspaceResponse;
import com.minichat.application.port.in.team.InvitationUseCase;
import com.minichat.application.port.in.team.TeamMember;
import com.minichat.application.port.in.team.TeamUseCase;
import com.minichat.domain.common.ValidationException;
import com.minichat.domain.team.Invitation;
import com.minichat.domain.team.Membership;
import com.minichat.domain.team.Role;
import com.minichat.domain.user.UserId;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/** Members, roles, ownership transfer and invitations of a workspace. */
public final class TeamRoutes {
  private final TeamUseCase team;
  private final InvitationUseCase invitations;
  private final Actors actors;
  private final JsonBody body;
  private final Envelope envelope;

  public TeamRoutes(
      TeamUseCase team,
      InvitationUseCase invitations,
      Actors actors,
      JsonBody body,
      Envelope envelope) {
    this.team = team;
    this.invitations = invitations;
    this.actors = actors;
    this.body = body;
    this.envelope = envelope;
  }

  /** A new role for a member. */
  public record RoleRequest(String role) {}

  /** Whom to hand the workspace to. */
  public record TransferRequest(String userId) {}

  /** Whom to invite with which role. */
  public record InvitationRequest(String email, String role) {}

  /** The token of an invitation e-mail. */
  public record AcceptRequest(String token) {}

  /** A member as the team list shows it. */
  public record MemberResponse(
      String userId, String email, String name, String role, Instant joinedAt) {
    static MemberResponse from(TeamMember member) {
      return new MemberResponse(
          member.user().id().value(),
          member.user().email().value(),
          member.user().name(),
          roleName(member.membership().role()),
          member.membership().joinedAt());
    }
  }

  /** An invitation as admins see it (never its token). */
  public record InvitationResponse(
      String id,
      String email,
      String role,
      String invitedBy,
      Instant createdAt,
      Instant expiresAt) {
    static InvitationResponse from(Invitation invitation) {
      return new InvitationResponse(
          invitation.id(),
          invitation.email().value(),
          roleName(invitation.role()),
          invitation.invitedBy().value(),
          invitation.createdAt(),
          invitation.expiresAt());
    }
  }

  /** Adds the routes. */
  public void register(JavalinDefaultRoutingApi routes) {
    routes.get("/api/v1/workspaces/{workspaceId}/members", this::members);
    routes.patch("/api/v1/workspaces/{workspaceId}/members/{userId}", this::changeRole);
    routes.delete("/api/v1/workspaces/{workspaceId}/members/{userId}", this::remove);
    routes.post("/api/v1/workspaces/{workspaceId}/transfer-ownership", this::transfer);
    routes.get("/api/v1/workspaces/{workspaceId}/invitations", this::openInvitations);
    routes.post("/api/v1/workspaces/{workspaceId}/invitations", this::invite);
    routes.delete("/api/v1/workspaces/{workspaceId}/invitations/{invitationId}", this::revoke);
    routes.post("/api/v1/invitations/accept", this::accept);
  }

  private void members(Context ctx) {
    UserId actor = actors.user(ctx).id();
    envelope.ok(
        ctx,
        Map.of(
            "members",
            team.members(actor, WorkspaceRoutes.workspaceId(ctx)).stream()
                .map(MemberResponse::from)
                .toList()));
  }

  private void changeRole(Context ctx) {
    UserId actor = actors.user(ctx).id();
    Role role = role(body.read(ctx, RoleRequest.class).role());
    Membership changed =
        team.changeRole(
            actor, WorkspaceRoutes.workspaceId(ctx), new UserId(ctx.pathParam("userId")), role);
    envelope.ok(ctx, Map.of("userId", changed.userId().value(), "role", roleName(changed.role())));
  }

  private void remove(Context ctx) {
    team.remove(
        actors.user(ctx).id(),
        WorkspaceRoutes.workspaceId(ctx),
        new UserId(ctx.pathParam("userId")));
    envelope.ok(ctx, Map.of("removed", true));
  }

  private void transfer(Context ctx) {
    UserId actor = actors.user(ctx).id();
    String userId = body.read(ctx, TransferRequest.class).userId();
    if (userId == null || userId.isBlank()) {
      throw new ValidationException("userId", "is required");
    }
    team.transferOwnership(actor, WorkspaceRoutes.workspaceId(ctx), new UserId(userId));
    envelope.ok(ctx, Map.of("ownerId", userId));
  }

  private void openInvitations(Context ctx) {
    UserId actor = actors.user(ctx).id();
    envelope.ok(
        ctx,
        Map.of(
            "invitations",
            invitations.open(actor, WorkspaceRoutes.workspaceId(ctx)).stream()
                .map(InvitationResponse::from)
                .toList()));
  }

  private void invite(Context ctx) {
    UserId actor = actors.user(ctx).id();
    InvitationRequest request = body.read(ctx, InvitationRequest.class);
    Invitation invitation =
        invitations.invite(
            actor, WorkspaceRoutes.workspaceId(ctx), request.email(), role(request.role()));
    envelope.write(
        ctx, HttpStatus.CREATED, Map.of("invitation", InvitationResponse.from(invitation)));
  }

  private void revoke(Context ctx) {
    invitations.revoke(
        actors.user(ctx).id(), WorkspaceRoutes.workspaceId(ctx), ctx.pathParam("invitationId"));
    envelope.ok(ctx, Map.of("revoked", true));
  }

  private void accept(Context ctx) {
    UserId actor = actors.user(ctx).id();
    envelope.ok(
        ctx,
        MemberWorkspaceResponse.from(
            invitations.accept(actor, body.read(ctx, AcceptRequest.class).token())));
  }

  /** Reads {@code admin} or {@code member} (owner is never chosen, it is transferred). */
  private static Role role(String value) {
    if (value == null) {
      throw new ValidationException("role", "is required: admin or member");
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "admin" -> Role.ADMIN;
      case "member" -> Role.MEMBER;
      default -> throw new ValidationException("role", "must be admin or member");
    };
  }

  static String roleName(Role role) {
    return role.name().toLowerCase(Locale.ROOT);
  }
}
