package com.minichat.bootstrap.e2e;

import static com.minichat.bootstrap.e2e.RegistrationTest.issuesOf;
import static com.minichat.bootstrap.e2e.Tenants.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.minichat.adapters.http.testing.ApiResponse;
import com.minichat.bootstrap.e2e.IdentityApp.Browser;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The widget's appearance: chosen by admins, stored with the workspace, served to the widget. */
class WidgetAppearanceTest {
  @TempDir Path dataDir;

  private IdentityApp app;

  @AfterEach
  void stop() {
    app.close();
  }

  private static ApiResponse patch(IdentityApp app, Browser user, String workspaceId, String body) {
    return call(
        app, "PATCH", "/api/v1/workspaces/" + workspaceId, body, "Authorization", user.bearer());
  }

  @Test
  void aNewWidgetHasTheDefaultLookAndAChosenOneSurvivesARestart() {
    app = IdentityApp.start(dataDir);
    Browser owner = app.registerAndLogIn("owner@example.com");
    JsonNode workspace = Tenants.createWorkspace(app, owner, "Bean");
    String id = workspace.path("id").asText();
    String config = "/api/v1/widget/" + workspace.path("widgetKey").asText() + "/config";

    JsonNode fresh = app.api().get(config).data().path("appearance");
    assertEquals("#2563eb", fresh.path("primaryColor").asText());
    assertEquals("#ffffff", fresh.path("textColor").asText());
    assertEquals("bottom-right", fresh.path("position").asText());
    assertEquals("auto", fresh.path("theme").asText());

    ApiResponse changed =
        patch(
            app,
            owner,
            id,
            """
            {"appearance":{"primaryColor":"#FACC15","position":"bottom-left","theme":"dark",
             "title":" ร้านกาแฟ Bean ","avatarUrl":"https://cdn.example.com/bean.png"}}""");
    assertEquals(200, changed.status(), changed.body());
    JsonNode stored = changed.data().at("/workspace/appearance");
    assertEquals("#facc15", stored.path("primaryColor").asText());
    assertEquals("#111827", stored.path("textColor").asText(), "dark text on yellow");
    assertEquals("ร้านกาแฟ Bean", stored.path("title").asText());

    ApiResponse other = patch(app, owner, id, "{\"welcomeMessage\":\"Hi\"}");
    assertEquals(stored, other.data().at("/workspace/appearance"), "other changes keep it");

    app.close();
    app = IdentityApp.start(dataDir);
    JsonNode served = app.api().get(config).data().path("appearance");
    assertEquals(stored, served);
    assertEquals("bottom-left", served.path("position").asText());
    assertEquals("dark", served.path("theme").asText());
    assertEquals("https://cdn.example.com/bean.png", served.path("avatarUrl").asText());
  }

  @Test
  void everyBrokenRuleIsNamedAndNothingChanges() {
    app = IdentityApp.start(dataDir);
    Browser owner = app.registerAndLogIn("owner@example.com");
    String id = Tenants.createWorkspace(app, owner, "Bean").path("id").asText();

    ApiResponse refused =
        patch(
            app,
            owner,
            id,
            """
            {"name":"","appearance":{"primaryColor":"blue","position":"top","theme":"neon",
             "title":"%s","avatarUrl":"http://cdn.example.com/bean.png"}}"""
                .formatted("t".repeat(61)));

    assertEquals(400, refused.status(), refused.body());
    assertEquals("VALIDATION_ERROR", refused.errorCode());
    assertEquals(
        "must be a colour like #2563eb", issuesOf(refused, "appearance.primaryColor").getFirst());
    assertEquals(
        "must be one of bottom-right, bottom-left",
        issuesOf(refused, "appearance.position").getFirst());
    assertEquals(
        "must be one of auto, light, dark", issuesOf(refused, "appearance.theme").getFirst());
    assertEquals("must be at most 60 characters", issuesOf(refused, "appearance.title").getFirst());
    assertFalse(issuesOf(refused, "appearance.avatarUrl").isEmpty(), refused.body());
    assertFalse(issuesOf(refused, "name").isEmpty(), "reported together with other settings");

    ApiResponse unknown = patch(app, owner, id, "{\"appearance\":{\"font\":\"Comic Sans\"}}");
    assertEquals(400, unknown.status(), unknown.body());
    assertFalse(issuesOf(unknown, "appearance.font").isEmpty(), unknown.body());

    ApiResponse current =
        call(app, "GET", "/api/v1/workspaces/" + id, null, "Authorization", owner.bearer());
    assertEquals("#2563eb", current.data().at("/workspace/appearance/primaryColor").asText());
  }

  @Test
  void membersCannotChangeIt() {
    app = IdentityApp.start(dataDir);
    Tenants.Tenant tenant = Tenants.create(app, "look");

    ApiResponse refused =
        patch(
            app,
            tenant.member(),
            tenant.workspaceId(),
            "{\"appearance\":{\"primaryColor\":\"#000000\"}}");

    assertEquals(403, refused.status(), refused.body());
  }
}
