package com.minichat.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.minichat.adapters.http.testing.ApiResponse;
import com.minichat.bootstrap.e2e.IdentityApp.Browser;

/** A shop's owner, signed in, and one visitor who has just opened a conversation on its widget. */
record ShopWithVisitor(
    Browser owner,
    String workspaceId,
    String widgetKey,
    String conversationId,
    String visitorToken) {

  /** Registers the owner, creates the shop and starts the visitor's conversation. */
  static ShopWithVisitor open(IdentityApp app) {
    Browser owner = app.registerAndLogIn("owner@example.com");
    JsonNode workspace = Tenants.createWorkspace(app, owner, "Baan Suan");
    String widgetKey = workspace.path("widgetKey").asText();
    ApiResponse started = app.api().post("/api/v1/widget/" + widgetKey + "/conversations", null);
    assertEquals(201, started.status(), started.body());
    return new ShopWithVisitor(
        owner,
        workspace.path("id").asText(),
        widgetKey,
        started.data().path("conversationId").asText(),
        started.data().path("visitorToken").asText());
  }
}
