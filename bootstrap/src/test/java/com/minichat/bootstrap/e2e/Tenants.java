package com.minichat.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.minichat.adapters.http.testing.ApiResponse;
import com.minichat.bootstrap.e2e.IdentityApp.Browser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds tenants over the API the way people do: an owner signs up and creates a workspace, invites
 * colleagues who register and accept, creates API keys and a visitor starts a widget conversation.
 */
final class Tenants {
  /** The API-key scopes, narrowest first. */
  static final List<String> SCOPES = List.of("read", "write", "admin");

  private Tenants() {}

  /**
   * One tenant.
   *
   * @param keys secret of one key per scope
   * @param keyIds id of the key of each scope
   * @param pendingInvitationId an invitation nobody accepted
   * @param visitorMessage the text the visitor sent in {@code conversationId}
   * @param visitorMessageId the id of that message
   */
  record Tenant(
      String label,
      String ownerEmail,
      Browser owner,
      String memberEmail,
      Browser member,
      String workspaceId,
      String widgetKey,
      Map<String, String> keys,
      Map<String, String> keyIds,
      String conversationId,
      String visitorToken,
      String pendingInvitationId,
      String visitorMessage,
      String visitorMessageId) {

    String ownerId() {
      return owner.userId();
    }

    String memberId() {
      return member.userId();
    }
  }

  /** A tenant whose addresses start with {@code label} (lower case, no spaces). */
  static Tenant create(IdentityApp app, String label) {
    String ownerEmail = label + "-owner@example.com";
    Browser owner = app.registerAndLogIn(ownerEmail);
    JsonNode workspace = createWorkspace(app, owner, label + " Shop");
    String workspaceId = workspace.path("id").asText();
    String widgetKey = workspace.path("widgetKey").asText();

    String memberEmail = label + "-member@example.com";
    Browser member = join(app, owner, workspaceId, memberEmail, "member");

    ApiResponse pending = invite(app, owner, workspaceId, label + "-pending@example.com", "admin");
    assertEquals(201, pending.status(), pending.body());

    Map<String, String> keys = new LinkedHashMap<>();
    Map<String, String> keyIds = new LinkedHashMap<>();
    for (String scope : SCOPES) {
      ApiResponse created = createKey(app, owner, workspaceId, label + " " + scope, scope, null);
      keys.put(scope, created.data().path("key").asText());
      keyIds.put(scope, created.data().at("/apiKey/id").asText());
    }

    ApiResponse started = app.api().post("/api/v1/widget/" + widgetKey + "/conversations", null);
    assertEquals(201, started.status(), started.body());
    String conversationId = started.data().path("conversationId").asText();
    String visitorToken = started.data().path("visitorToken").asText();
    String text = "Hello from a visitor of " + label;
    ApiResponse sent =
        app.api()
            .post(
                "/api/v1/widget/" + widgetKey + "/conversations/" + conversationId + "/messages",
                "{\"text\":\"" + text + "\"}",
                "Authorization",
                "Bearer " + visitorToken);
    assertEquals(200, sent.status(), sent.body());

    return new Tenant(
        label,
        ownerEmail,
        owner,
        memberEmail,
        member,
        workspaceId,
        widgetKey,
        Map.copyOf(keys),
        Map.copyOf(keyIds),
        conversationId,
        visitorToken,
        pending.data().at("/invitation/id").asText(),
        text,
        sent.data().at("/message/id").asText());
  }

  /** POST /workspaces; the created workspace. */
  static JsonNode createWorkspace(IdentityApp app, Browser owner, String name) {
    ApiResponse created =
        app.api()
            .post(
                "/api/v1/workspaces",
                "{\"name\":\"" + name + "\",\"welcomeMessage\":\"Welcome to " + name + "\"}",
                "Authorization",
                owner.bearer());
    assertEquals(201, created.status(), created.body());
    return created.data().path("workspace");
  }

  /** PUT /workspaces/{id}/providers with {@code chain} (a JSON array), requiring success. */
  static void setProviders(IdentityApp app, Browser admin, String workspaceId, String chain) {
    ApiResponse set =
        app.api()
            .send(
                "PUT",
                "/api/v1/workspaces/" + workspaceId + "/providers",
                chain,
                "application/json",
                "Authorization",
                admin.bearer());
    assertEquals(200, set.status(), set.body());
  }

  /** POST /workspaces/{id}/invitations. */
  static ApiResponse invite(
      IdentityApp app, Browser inviter, String workspaceId, String email, String role) {
    return app.api()
        .post(
            "/api/v1/workspaces/" + workspaceId + "/invitations",
            "{\"email\":\"" + email + "\",\"role\":\"" + role + "\"}",
            "Authorization",
            inviter.bearer());
  }

  /** POST /invitations/accept. */
  static ApiResponse accept(IdentityApp app, Browser invitee, String token) {
    return app.api()
        .post(
            "/api/v1/invitations/accept",
            "{\"token\":\"" + token + "\"}",
            "Authorization",
            invitee.bearer());
  }

  /** Invites {@code email}, who registers, signs in and accepts the e-mailed link. */
  static Browser join(
      IdentityApp app, Browser inviter, String workspaceId, String email, String role) {
    ApiResponse invited = invite(app, inviter, workspaceId, email, role);
    assertEquals(201, invited.status(), invited.body());
    String token = app.tokenFromMail(email, "/invitations/accept");
    Browser invitee = app.registerAndLogIn(email);
    ApiResponse accepted = accept(app, invitee, token);
    assertEquals(200, accepted.status(), accepted.body());
    assertEquals(role, accepted.data().path("role").asText());
    assertEquals(workspaceId, accepted.data().at("/workspace/id").asText());
    return invitee;
  }

  /** POST /workspaces/{id}/api-keys, requiring success. */
  static ApiResponse createKey(
      IdentityApp app,
      Browser creator,
      String workspaceId,
      String name,
      String scope,
      Integer expiresInDays) {
    ApiResponse created =
        app.api()
            .post(
                "/api/v1/workspaces/" + workspaceId + "/api-keys",
                "{\"name\":\""
                    + name
                    + "\",\"scope\":\""
                    + scope
                    + "\""
                    + (expiresInDays == null ? "" : ",\"expiresInDays\":" + expiresInDays)
                    + "}",
                "Authorization",
                creator.bearer());
    assertEquals(201, created.status(), created.body());
    String secret = created.data().path("key").asText();
    assertTrue(secret.startsWith("mc_live_"), secret);
    assertEquals(scope, created.data().at("/apiKey/scope").asText());
    return created;
  }

  /** Any request with optional header name/value pairs; {@code body} may be null. */
  static ApiResponse call(
      IdentityApp app, String method, String path, String body, String... headers) {
    return app.api().send(method.toUpperCase(Locale.ROOT), path, body, "application/json", headers);
  }

  /** The {@code id}s at {@code pointer} of every element of an array. */
  static List<String> ids(JsonNode array, String pointer) {
    List<String> ids = new ArrayList<>();
    array.forEach(element -> ids.add(element.at(pointer).asText()));
    return ids;
  }

  /** GET /workspaces/{id}/members as {@code userId → role}. */
  static Map<String, String> roles(IdentityApp app, Browser asker, String workspaceId) {
    ApiResponse members =
        app.api()
            .get("/api/v1/workspaces/" + workspaceId + "/members", "Authorization", asker.bearer());
    assertEquals(200, members.status(), members.body());
    Map<String, String> roles = new LinkedHashMap<>();
    members
        .data()
        .path("members")
        .forEach(m -> roles.put(m.path("userId").asText(), m.path("role").asText()));
    return roles;
  }
}
