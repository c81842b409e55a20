package com.minichat.bootstrap.e2e;

import static com.minichat.bootstrap.e2e.Tenants.call;
import static com.minichat.bootstrap.e2e.Tenants.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.minichat.adapters.http.testing.ApiResponse;
import com.minichat.bootstrap.e2e.IdentityApp.Browser;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The team of a workspace over HTTP: what each role may do, invitations through the e-mailed link,
 * removal, ownership transfer, the protected owner, and deleting and restoring the workspace.
 */
class TeamTest {
  private static final String OWNER = "owner@example.com";
  private static final String ADMIN = "admin@example.com";
  private static final String MEMBER = "member@example.com";
  private static final String EXTRA = "extra@example.com";

  @TempDir Path dataDir;

  private IdentityApp app;
  private Browser owner;
  private Browser admin;
  private Browser member;
  private Browser extra;
  private String workspaceId;
  private String widgetKey;
  private String conversationId;

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  /** A workspace with an owner, an admin, a member, one more member and a conversation. */
  private void team() {
    app = IdentityApp.start(dataDir);
    owner = app.registerAndLogIn(OWNER);
    JsonNode workspace = Tenants.createWorkspace(app, owner, "Team Shop");
    workspaceId = workspace.path("id").asText();
    widgetKey = workspace.path("widgetKey").asText();
    admin = Tenants.join(app, owner, workspaceId, ADMIN, "admin");
    member = Tenants.join(app, owner, workspaceId, MEMBER, "member");
    extra = Tenants.join(app, admin, workspaceId, EXTRA, "member");
    ApiResponse started = app.api().post("/api/v1/widget/" + widgetKey + "/conversations", null);
    assertEquals(201, started.status(), started.body());
    conversationId = started.data().path("conversationId").asText();
  }

  /** An action and the status owner, admin and member get, in that order. */
  record RoleRow(String action, String method, String path, String body, int[] statuses) {}

  private static RoleRow row(
      String action, String method, String path, String body, int owner, int admin, int member) {
    return new RoleRow(action, method, path, body, new int[] {owner, admin, member});
  }

  @TestFactory
  Stream<DynamicTest> eachRoleMayDoWhatThePermissionTableSays() {
    team();
    String ws = "/api/v1/workspaces/" + workspaceId;
    String extraId = extra.userId();
    // Rows that change something come last; the member is tried before the admin and the owner.
    List<RoleRow> rows =
        List.of(
            row("read the workspace", "GET", ws, null, 200, 200, 200),
            row(
                "list conversations",
                "GET",
                "/api/v1/conversations?workspaceId=" + workspaceId,
                null,
                200,
                200,
                200),
            row(
                "read a conversation",
                "GET",
                "/api/v1/conversations/" + conversationId + "/messages",
                null,
                200,
                200,
                200),
            row("list members", "GET", ws + "/members", null, 200, 200, 200),
            row("list invitations", "GET", ws + "/invitations", null, 200, 200, 403),
            row("list API keys", "GET", ws + "/api-keys", null, 200, 200, 403),
            row("restore a live workspace", "POST", ws + "/restore", null, 404, 404, 404),
            row(
                "change settings",
                "PATCH",
                ws,
                "{\"welcomeMessage\":\"Hello from the team\"}",
                200,
                200,
                403),
            row("rotate the widget key", "POST", ws + "/widget-key/rotate", null, 200, 200, 403),
            row(
                "invite",
                "POST",
                ws + "/invitations",
                "{\"email\":\"new-%s@example.com\",\"role\":\"member\"}",
                201,
                201,
                403),
            row(
                "create an API key",
                "POST",
                ws + "/api-keys",
                "{\"name\":\"key of %s\",\"scope\":\"read\"}",
                201,
                201,
                403),
            row(
                "change a member's role",
                "PATCH",
                ws + "/members/" + extraId,
                "{\"role\":\"member\"}",
                200,
                200,
                403),
            row(
                "transfer ownership",
                "POST",
                ws + "/transfer-ownership",
                "{\"userId\":\"" + extraId + "\"}",
                -1,
                403,
                403),
            row("delete the workspace", "DELETE", ws, null, -1, 403, 403));
    List<String> roles = List.of("owner", "admin", "member");
    List<Browser> people = List.of(owner, admin, member);
    List<DynamicTest> tests = new ArrayList<>();
    for (RoleRow row : rows) {
      for (int i = roles.size() - 1; i >= 0; i--) {
        int expected = row.statuses()[i];
        if (expected < 0) {
          continue; // the owner's success is its own test
        }
        String role = roles.get(i);
        Browser person = people.get(i);
        tests.add(
            dynamicTest(
                role + " may " + (expected < 300 ? "" : "not ") + row.action() + " ⇒ " + expected,
                () -> {
                  String body = row.body() == null ? null : row.body().replace("%s", role);
                  ApiResponse response =
                      call(app, row.method(), row.path(), body, "Authorization", person.bearer());
                  assertEquals(expected, response.status(), response.body());
                  if (expected == 403) {
                    assertEquals("FORBIDDEN", response.errorCode());
                  }
                }));
      }
    }
    tests.add(
        dynamicTest(
            "the list shows each person's role",
            () -> {
              for (int i = 0; i < people.size(); i++) {
                ApiResponse list =
                    app.api().get("/api/v1/workspaces", "Authorization", people.get(i).bearer());
                assertEquals(List.of(workspaceId), ids(list.data(), "/workspace/id"));
                assertEquals(roles.get(i), list.data().path(0).path("role").asText());
              }
            }));
    tests.add(
        dynamicTest(
            "the owner may delete the workspace",
            () -> {
              ApiResponse deleted = call(app, "DELETE", ws, null, "Authorization", owner.bearer());
              assertEquals(200, deleted.status(), deleted.body());
            }));
    return tests.stream();
  }

  @Test
  void anInvitationIsEmailedAndAcceptedOnlyByTheInvitedAddress() {
    app = IdentityApp.start(dataDir);
    owner = app.registerAndLogIn(OWNER);
    workspaceId = Tenants.createWorkspace(app, owner, "Invite Shop").path("id").asText();
    Browser carol = app.registerAndLogIn("carol@example.com");

    ApiResponse invited = Tenants.invite(app, owner, workspaceId, "Bob@Example.com", "admin");
    assertEquals(201, invited.status(), invited.body());
    JsonNode invitation = invited.data().path("invitation");
    assertEquals("bob@example.com", invitation.path("email").asText());
    assertEquals("admin", invitation.path("role").asText());
    assertEquals(owner.userId(), invitation.path("invitedBy").asText());

    ApiResponse open =
        app.api()
            .get(
                "/api/v1/workspaces/" + workspaceId + "/invitations",
                "Authorization",
                owner.bearer());
    assertEquals(
        List.of(invitation.path("id").asText()), ids(open.data().path("invitations"), "/id"));

    // the e-mail in the development outbox carries the single-use link
    List<JsonNode> mails = app.mailsTo("bob@example.com");
    assertEquals(1, mails.size(), mails.toString());
    assertTrue(mails.getFirst().path("text").asText().contains("Invite Shop"), mails.toString());
    String token = app.tokenFromMail("bob@example.com", "/invitations/accept");
    assertFalse(open.body().contains(token), "lists never show the token");
    assertFalse(invited.body().contains(token), "the answer never shows the token");

    // another account cannot use it
    ApiResponse wrongPerson = Tenants.accept(app, carol, token);
    assertEquals(400, wrongPerson.status(), wrongPerson.body());
    assertEquals("VALIDATION_ERROR", wrongPerson.errorCode());
    assertEquals(
        List.of(workspaceId),
        ids(
            app.api().get("/api/v1/workspaces", "Authorization", owner.bearer()).data(),
            "/workspace/id"));
    assertEquals(
        0, app.api().get("/api/v1/workspaces", "Authorization", carol.bearer()).data().size());

    // the invitee registers with that address and joins with the invited role
    Browser bob = app.registerAndLogIn("bob@example.com");
    ApiResponse accepted = Tenants.accept(app, bob, token);
    assertEquals(200, accepted.status(), accepted.body());
    assertEquals("admin", accepted.data().path("role").asText());
    assertEquals(workspaceId, accepted.data().at("/workspace/id").asText());
    assertEquals(
        Map.of(owner.userId(), "owner", bob.userId(), "admin"),
        Tenants.roles(app, owner, workspaceId));
    ApiResponse bobsList = app.api().get("/api/v1/workspaces", "Authorization", bob.bearer());
    assertEquals("admin", bobsList.data().path(0).path("role").asText());

    // single use, and no longer open
    ApiResponse twice = Tenants.accept(app, bob, token);
    assertEquals(400, twice.status(), twice.body());
    ApiResponse afterwards =
        app.api()
            .get(
                "/api/v1/workspaces/" + workspaceId + "/invitations",
                "Authorization",
                owner.bearer());
    assertEquals(0, afterwards.data().path("invitations").size(), afterwards.body());
    ApiResponse alreadyMember =
        Tenants.invite(app, owner, workspaceId, "bob@example.com", "member");
    assertEquals(409, alreadyMember.status(), alreadyMember.body());

    // a revoked invitation cannot be accepted
    ApiResponse second = Tenants.invite(app, owner, workspaceId, "carol@example.com", "member");
    assertEquals(201, second.status(), second.body());
    String carolsToken = app.tokenFromMail("carol@example.com", "/invitations/accept");
    ApiResponse revoked =
        call(
            app,
            "DELETE",
            "/api/v1/workspaces/"
                + workspaceId
                + "/invitations/"
                + second.data().at("/invitation/id").asText(),
            null,
            "Authorization",
            owner.bearer());
    assertEquals(200, revoked.status(), revoked.body());
    assertEquals(400, Tenants.accept(app, carol, carolsToken).status());
  }

  @Test
  void aRemovedMemberLosesAccessAtOnceWithTheTokenTheyHold() {
    team();
    String bearer = member.bearer(); // issued before the removal, still valid afterwards
    assertEquals(
        200, app.api().get("/api/v1/workspaces/" + workspaceId, "Authorization", bearer).status());

    ApiResponse removed =
        call(
            app,
            "DELETE",
            "/api/v1/workspaces/" + workspaceId + "/members/" + member.userId(),
            null,
            "Authorization",
            admin.bearer());
    assertEquals(200, removed.status(), removed.body());

    assertEquals(200, app.me(bearer).status(), "the token itself is still valid");
    for (String path :
        List.of(
            "/api/v1/workspaces/" + workspaceId,
            "/api/v1/workspaces/" + workspaceId + "/members",
            "/api/v1/conversations?workspaceId=" + workspaceId,
            "/api/v1/conversations/" + conversationId + "/messages")) {
      ApiResponse refused = app.api().get(path, "Authorization", bearer);
      assertEquals(404, refused.status(), path + ": " + refused.body());
      assertEquals("NOT_FOUND", refused.errorCode());
    }
    ApiResponse list = app.api().get("/api/v1/workspaces", "Authorization", bearer);
    assertEquals(0, list.data().size(), list.body());
    assertFalse(Tenants.roles(app, owner, workspaceId).containsKey(member.userId()));

    // a member may also leave on their own
    ApiResponse left =
        call(
            app,
            "DELETE",
            "/api/v1/workspaces/" + workspaceId + "/members/" + extra.userId(),
            null,
            "Authorization",
            extra.bearer());
    assertEquals(200, left.status(), left.body());
    assertEquals(
        404,
        app.api()
            .get("/api/v1/workspaces/" + workspaceId, "Authorization", extra.bearer())
            .status());
  }

  @Test
  void transferringOwnershipMakesThePreviousOwnerAnAdmin() {
    team();
    String ws = "/api/v1/workspaces/" + workspaceId;

    ApiResponse toSelf =
        call(
            app,
            "POST",
            ws + "/transfer-ownership",
            "{\"userId\":\"" + owner.userId() + "\"}",
            "Authorization",
            owner.bearer());
    assertEquals(400, toSelf.status(), toSelf.body());
    Browser stranger = app.registerAndLogIn("stranger@example.com");
    ApiResponse toStranger =
        call(
            app,
            "POST",
            ws + "/transfer-ownership",
            "{\"userId\":\"" + stranger.userId() + "\"}",
            "Authorization",
            owner.bearer());
    assertEquals(404, toStranger.status(), "only to a member: " + toStranger.body());

    ApiResponse transferred =
        call(
            app,
            "POST",
            ws + "/transfer-ownership",
            "{\"userId\":\"" + member.userId() + "\"}",
            "Authorization",
            owner.bearer());
    assertEquals(200, transferred.status(), transferred.body());
    assertEquals(member.userId(), transferred.data().path("ownerId").asText());

    Map<String, String> roles = Tenants.roles(app, owner, workspaceId);
    assertEquals("owner", roles.get(member.userId()));
    assertEquals("admin", roles.get(owner.userId()));
    assertEquals(1, roles.values().stream().filter("owner"::equals).count(), roles.toString());
    ApiResponse oldOwnersList =
        app.api().get("/api/v1/workspaces", "Authorization", owner.bearer());
    assertEquals("admin", oldOwnersList.data().path(0).path("role").asText());

    // the previous owner is an admin now: settings yes, owner's things no
    ApiResponse settings =
        call(
            app,
            "PATCH",
            ws,
            "{\"welcomeMessage\":\"Still here\"}",
            "Authorization",
            owner.bearer());
    assertEquals(200, settings.status(), settings.body());
    ApiResponse backAgain =
        call(
            app,
            "POST",
            ws + "/transfer-ownership",
            "{\"userId\":\"" + owner.userId() + "\"}",
            "Authorization",
            owner.bearer());
    assertEquals(403, backAgain.status(), backAgain.body());
    assertEquals(403, call(app, "DELETE", ws, null, "Authorization", owner.bearer()).status());

    // the new owner has the owner's rights and cannot be removed
    ApiResponse removeNewOwner =
        call(
            app,
            "DELETE",
            ws + "/members/" + member.userId(),
            null,
            "Authorization",
            owner.bearer());
    assertEquals(409, removeNewOwner.status(), removeNewOwner.body());
    ApiResponse deleted = call(app, "DELETE", ws, null, "Authorization", member.bearer());
    assertEquals(200, deleted.status(), deleted.body());
  }

  @Test
  void theOwnerCannotBeRemovedOrDemoted() {
    team();
    String ownerPath = "/api/v1/workspaces/" + workspaceId + "/members/" + owner.userId();
    for (Browser actor : List.of(admin, owner)) {
      ApiResponse removed = call(app, "DELETE", ownerPath, null, "Authorization", actor.bearer());
      assertEquals(409, removed.status(), removed.body());
      assertEquals("CONFLICT", removed.errorCode());
      ApiResponse demoted =
          call(app, "PATCH", ownerPath, "{\"role\":\"member\"}", "Authorization", actor.bearer());
      assertEquals(409, demoted.status(), demoted.body());
      assertEquals("CONFLICT", demoted.errorCode());
    }
    ApiResponse memberTries =
        call(app, "DELETE", ownerPath, null, "Authorization", member.bearer());
    assertEquals(403, memberTries.status(), memberTries.body());
    ApiResponse makeOwner =
        call(
            app,
            "PATCH",
            "/api/v1/workspaces/" + workspaceId + "/members/" + extra.userId(),
            "{\"role\":\"owner\"}",
            "Authorization",
            admin.bearer());
    assertEquals(
        400, makeOwner.status(), "ownership is transferred, not assigned: " + makeOwner.body());
    assertEquals("owner", Tenants.roles(app, owner, workspaceId).get(owner.userId()));
  }

  @Test
  void aDeletedWorkspaceAndItsWidgetComeBackWithin30DaysButNotLater() {
    team();
    String ws = "/api/v1/workspaces/" + workspaceId;
    ApiResponse key = Tenants.createKey(app, owner, workspaceId, "integration", "read", 365);
    String secret = key.data().path("key").asText();
    assertEquals(200, widgetConfig().status());

    ApiResponse deleted = call(app, "DELETE", ws, null, "Authorization", owner.bearer());
    assertEquals(200, deleted.status(), deleted.body());
    assertEquals(30, deleted.data().path("restorableForDays").asInt(), deleted.body());
    assertHidden(secret);

    // restorable by the owner only, 29 days later
    app.clock.advance(Duration.ofDays(29));
    owner = app.logIn(OWNER, IdentityApp.PASSWORD);
    admin = app.logIn(ADMIN, IdentityApp.PASSWORD);
    ApiResponse byAdmin = call(app, "POST", ws + "/restore", null, "Authorization", admin.bearer());
    assertTrue(byAdmin.status() >= 400, "an admin cannot restore: " + byAdmin.body());
    ApiResponse restored =
        call(app, "POST", ws + "/restore", null, "Authorization", owner.bearer());
    assertEquals(200, restored.status(), restored.body());
    assertEquals(workspaceId, restored.data().at("/workspace/id").asText());
    assertEquals(widgetKey, restored.data().at("/workspace/widgetKey").asText());
    assertEquals(200, app.api().get(ws, "Authorization", owner.bearer()).status());
    assertEquals(200, app.api().get(ws, "Authorization", admin.bearer()).status());
    ApiResponse config = widgetConfig();
    assertEquals(200, config.status(), config.body());
    assertEquals("Team Shop", config.data().path("name").asText());
    assertEquals(
        List.of(workspaceId),
        ids(
            app.api().get("/api/v1/workspaces", "Authorization", owner.bearer()).data(),
            "/workspace/id"));
    assertEquals(200, app.api().get(ws, "Authorization", "Bearer " + secret).status());
    assertEquals(4, Tenants.roles(app, owner, workspaceId).size(), "the team comes back with it");

    // deleted again and left for 30 days: gone for good
    assertEquals(200, call(app, "DELETE", ws, null, "Authorization", owner.bearer()).status());
    app.clock.advance(Duration.ofDays(30).plusMinutes(1));
    owner = app.logIn(OWNER, IdentityApp.PASSWORD);
    ApiResponse tooLate = call(app, "POST", ws + "/restore", null, "Authorization", owner.bearer());
    assertEquals(404, tooLate.status(), tooLate.body());
    assertEquals(404, app.api().get(ws, "Authorization", owner.bearer()).status());
    assertEquals(404, widgetConfig().status());
  }

  /** Deleted: no dashboard, no widget, no keys, no conversations. */
  private void assertHidden(String secret) {
    String ws = "/api/v1/workspaces/" + workspaceId;
    for (Browser person : List.of(owner, admin, member)) {
      ApiResponse read = app.api().get(ws, "Authorization", person.bearer());
      assertEquals(404, read.status(), read.body());
      assertEquals(
          0, app.api().get("/api/v1/workspaces", "Authorization", person.bearer()).data().size());
      assertEquals(
          404,
          app.api()
              .get(
                  "/api/v1/conversations?workspaceId=" + workspaceId,
                  "Authorization",
                  person.bearer())
              .status());
      assertEquals(
          404,
          app.api()
              .get(
                  "/api/v1/conversations/" + conversationId + "/messages",
                  "Authorization",
                  person.bearer())
              .status());
    }
    ApiResponse config = widgetConfig();
    assertEquals(404, config.status(), config.body());
    assertEquals(
        404, app.api().post("/api/v1/widget/" + widgetKey + "/conversations", null).status());
    ApiResponse withKey = app.api().get(ws, "Authorization", "Bearer " + secret);
    assertEquals(401, withKey.status(), withKey.body());
    ApiResponse rotate =
        call(app, "POST", ws + "/widget-key/rotate", null, "Authorization", owner.bearer());
    assertEquals(404, rotate.status(), rotate.body());
    ApiResponse deleteAgain = call(app, "DELETE", ws, null, "Authorization", owner.bearer());
    assertEquals(404, deleteAgain.status(), deleteAgain.body());
  }

  private ApiResponse widgetConfig() {
    return app.api().get("/api/v1/widget/" + widgetKey + "/config");
  }
}
