package com.minichat.bootstrap.e2e;

import static com.minichat.bootstrap.e2e.Tenants.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.minichat.adapters.http.testing.ApiResponse;
import com.minichat.adapters.mongo.EmbeddedMongoServer;
import com.minichat.adapters.mongo.MongoSchema;
import com.minichat.bootstrap.e2e.IdentityApp.Browser;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plans over HTTP: the plan of new workspaces comes from DEFAULT_PLAN and its limits hold. */
class PlanLimitTest {
  @TempDir Path dataDir;

  private IdentityApp app;

  private EmbeddedMongoServer mongo;

  @AfterEach
  void stop() {
    app.close();
    if (mongo != null) {
      mongo.close();
    }
  }

  @Test
  void byDefaultAWorkspaceHasNoLimits() {
    app = IdentityApp.start(dataDir);
    Browser owner = app.registerAndLogIn("owner@example.com");

    JsonNode plan = Tenants.createWorkspace(app, owner, "Bean").path("plan");

    assertEquals("unlimited", plan.path("name").asText());
    assertTrue(plan.path("members").isNull(), plan.toString());
    assertTrue(plan.path("messagesPerMonth").isNull(), plan.toString());
  }

  @Test
  void onTheFreePlanASecondInvitationIsRefusedWithPlanLimitReached() {
    app = IdentityApp.start(dataDir, "DEFAULT_PLAN", "free");
    Browser owner = app.registerAndLogIn("owner@example.com");
    JsonNode workspace = Tenants.createWorkspace(app, owner, "Bean");
    String id = workspace.path("id").asText();
    assertEquals("free", workspace.at("/plan/name").asText());
    assertEquals(2, workspace.at("/plan/members").asInt());
    assertEquals(1000, workspace.at("/plan/messagesPerMonth").asInt());

    ApiResponse first = Tenants.invite(app, owner, id, "first@example.com", "member");
    assertEquals(201, first.status(), first.body());
    ApiResponse second = Tenants.invite(app, owner, id, "second@example.com", "member");

    assertEquals(403, second.status(), second.body());
    assertEquals("PLAN_LIMIT_REACHED", second.errorCode());
    assertTrue(second.body().contains("free plan allows 2"), second.body());

    String firstId = first.data().at("/invitation/id").asText();
    ApiResponse revoked =
        call(
            app,
            "DELETE",
            "/api/v1/workspaces/" + id + "/invitations/" + firstId,
            null,
            "Authorization",
            owner.bearer());
    assertEquals(200, revoked.status(), revoked.body());
    ApiResponse again = Tenants.invite(app, owner, id, "second@example.com", "member");
    assertEquals(201, again.status(), again.body());
  }

  @Test
  void onlyAPlatformAdministratorChangesAPlanAndTheNewLimitsApplyAtOnce() {
    app =
        IdentityApp.start(
            dataDir,
            "DEFAULT_PLAN",
            "free",
            "ADMIN_EMAIL",
            "operator@example.com",
            "ADMIN_PASSWORD",
            IdentityApp.PASSWORD);
    Browser owner = app.registerAndLogIn("owner@example.com");
    Browser operator = app.logIn("operator@example.com", IdentityApp.PASSWORD);
    String id = Tenants.createWorkspace(app, owner, "Bean").path("id").asText();
    String path = "/api/v1/admin/workspaces/" + id + "/plan";
    assertEquals(201, Tenants.invite(app, owner, id, "a@example.com", "member").status());
    assertEquals(403, Tenants.invite(app, owner, id, "b@example.com", "member").status());

    ApiResponse byOwner =
        call(app, "PUT", path, "{\"plan\":\"business\"}", "Authorization", owner.bearer());
    assertEquals(403, byOwner.status(), byOwner.body());
    assertEquals("FORBIDDEN", byOwner.errorCode());
    ApiResponse unknown =
        call(app, "PUT", path, "{\"plan\":\"gold\"}", "Authorization", operator.bearer());
    assertEquals(400, unknown.status(), unknown.body());
    assertEquals(
        List.of("must be free, pro, business or unlimited"),
        RegistrationTest.issuesOf(unknown, "plan"));
    ApiResponse changed =
        call(app, "PUT", path, "{\"plan\":\"pro\"}", "Authorization", operator.bearer());

    assertEquals(200, changed.status(), changed.body());
    assertEquals("pro", changed.data().at("/workspace/plan/name").asText());
    assertEquals(10, changed.data().at("/workspace/plan/members").asInt());
    assertEquals(201, Tenants.invite(app, owner, id, "b@example.com", "member").status());
  }

  @Test
  void aVisitorMessageBeyondTheMonthlyLimitIsRefusedWithPlanLimitReached() {
    mongo = EmbeddedMongoServer.startInMemory();
    String uri = mongo.connectionString() + "/minichat_plans";
    app = IdentityApp.start(dataDir, "MONGODB_URI", uri, "DEFAULT_PLAN", "free");
    Browser owner = app.registerAndLogIn("owner@example.com");
    JsonNode workspace = Tenants.createWorkspace(app, owner, "Bean");
    String widget = "/api/v1/widget/" + workspace.path("widgetKey").asText() + "/conversations";
    JsonNode started = app.api().post(widget, null).data();
    String send = widget + "/" + started.path("conversationId").asText() + "/messages";
    String visitor = "Bearer " + started.path("visitorToken").asText();
    ApiResponse first = app.api().post(send, "{\"text\":\"Hello\"}", "Authorization", visitor);
    assertEquals(200, first.status(), first.body());
    ApiResponse used =
        call(
            app,
            "GET",
            "/api/v1/workspaces/" + workspace.path("id").asText() + "/usage",
            null,
            "Authorization",
            owner.bearer());
    assertEquals(200, used.status(), used.body());
    assertEquals("free", used.data().path("plan").asText());
    assertEquals(1, used.data().at("/messages/used").asInt());
    assertEquals(1000, used.data().at("/messages/limit").asInt());
    assertEquals(1, used.data().at("/members/used").asInt());
    assertEquals(2, used.data().at("/members/limit").asInt());

    // The month's other 999 messages, as other visitors would have sent them.
    String month = YearMonth.from(app.clock.instant().atZone(ZoneOffset.UTC)).toString();
    String counter = workspace.path("id").asText() + "|messages|" + month;
    try (MongoClient client = MongoClients.create(uri)) {
      MongoCollection<Document> usage =
          client.getDatabase("minichat_plans").getCollection(MongoSchema.USAGE);
      assertEquals(1, usage.find(Filters.eq("_id", counter)).first().getLong("value"));
      usage.updateOne(Filters.eq("_id", counter), Updates.inc("value", 999L));
    }
    ApiResponse refused =
        app.api().post(send, "{\"text\":\"Still there?\"}", "Authorization", visitor);

    assertEquals(403, refused.status(), refused.body());
    assertEquals("PLAN_LIMIT_REACHED", refused.errorCode());
  }
}
