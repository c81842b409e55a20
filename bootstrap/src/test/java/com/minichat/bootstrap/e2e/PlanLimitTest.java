package com.minichat.bootstrap.e2e;

import static com.minichat.bootstrap.e2e.Tenants.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.minichat.adapters.http.testing.ApiResponse;
import com.minichat.bootstrap.e2e.IdentityApp.Browser;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plans over HTTP: the plan of new workspaces comes from DEFAULT_PLAN and its limits hold. */
class PlanLimitTest {
  @TempDir Path dataDir;

  private IdentityApp app;

  @AfterEach
  void stop() {
    app.close();
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
}
