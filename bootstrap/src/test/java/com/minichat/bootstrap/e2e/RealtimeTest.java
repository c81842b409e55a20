package com.minichat.bootstrap.e2e;

import static com.minichat.bootstrap.e2e.Tenants.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.minichat.adapters.http.realtime.RealtimeRoutes;
import com.minichat.adapters.http.testing.ApiResponse;
import com.minichat.bootstrap.e2e.IdentityApp.Browser;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard and the widget hear each other live over WebSocket. */
class RealtimeTest {
  @TempDir Path dataDir;

  private IdentityApp app;
  private Browser owner;
  private String workspaceId;
  private String widgetKey;
  private String conversationId;
  private String visitorToken;

  @BeforeEach
  void start() {
    app = IdentityApp.start(dataDir);
    ShopWithVisitor shop = ShopWithVisitor.open(app);
    owner = shop.owner();
    workspaceId = shop.workspaceId();
    widgetKey = shop.widgetKey();
    conversationId = shop.conversationId();
    visitorToken = shop.visitorToken();
  }

  @AfterEach
  void stop() {
    app.close();
  }

  private ApiResponse visitorSends(String text) {
    return call(
        app,
        "POST",
        "/api/v1/widget/" + widgetKey + "/conversations/" + conversationId + "/messages",
        "{\"text\":\"" + text + "\"}",
        "Authorization",
        "Bearer " + visitorToken);
  }

  @Test
  void theTeamSeesTheVisitorsMessageTheBotTypingAndItsAnswer() {
    try (LiveSocket dashboard = LiveSocket.team(app.localUrl(), owner.accessToken(), workspaceId);
        LiveSocket widget =
            LiveSocket.visitor(app.localUrl(), widgetKey, conversationId, visitorToken)) {
      JsonNode online = dashboard.await("presence");
      assertEquals("VISITOR", online.path("who").asText());
      assertTrue(online.path("online").asBoolean());

      visitorSends("สวัสดีค่ะ");

      JsonNode question = dashboard.await("message.created");
      assertEquals("VISITOR", question.at("/message/author").asText());
      assertEquals("สวัสดีค่ะ", question.at("/message/text").asText());
      JsonNode typing = dashboard.await("typing");
      assertEquals("AI", typing.path("who").asText());
      assertTrue(typing.path("typing").asBoolean());
      JsonNode answer = dashboard.await("message.created");
      assertEquals("AI", answer.at("/message/author").asText());
      assertTrue(answer.at("/message/usage").isObject(), "the team sees what it used");

      assertEquals("VISITOR", widget.await("message.created").at("/message/author").asText());
      JsonNode answerForVisitor = widget.await("message.created");
      assertEquals("AI", answerForVisitor.at("/message/author").asText());
      assertFalse(answerForVisitor.path("message").has("usage"), "the visitor does not");
    }
  }

  @Test
  void theVisitorSeesTheAgentTypingTheAnswerAndTheTakeover() {
    try (LiveSocket dashboard = LiveSocket.team(app.localUrl(), owner.accessToken(), workspaceId);
        LiveSocket widget =
            LiveSocket.visitor(app.localUrl(), widgetKey, conversationId, visitorToken)) {
      dashboard.send(
          "{\"type\":\"typing\",\"conversationId\":\"" + conversationId + "\",\"typing\":true}");
      JsonNode typing = widget.await("typing");
      assertEquals("AGENT", typing.path("who").asText());
      assertFalse(typing.has("agentId"), "visitors do not learn who types");

      call(
          app,
          "POST",
          "/api/v1/conversations/" + conversationId + "/messages",
          "{\"text\":\"Hi, I'm Ann\"}",
          "Authorization",
          owner.bearer());

      JsonNode reply = widget.await("message.created");
      assertEquals("AGENT", reply.at("/message/author").asText());
      assertEquals("Hi, I'm Ann", reply.at("/message/text").asText());
      assertTrue(widget.await("conversation.updated").at("/conversation/aiPaused").asBoolean());
      assertTrue(dashboard.await("conversation.updated").at("/conversation/aiPaused").asBoolean());
    }
  }

  @Test
  void theVisitorHearsWhenTheTeamComesOnline() {
    try (LiveSocket widget =
        LiveSocket.visitor(app.localUrl(), widgetKey, conversationId, visitorToken)) {
      LiveSocket dashboard = LiveSocket.team(app.localUrl(), owner.accessToken(), workspaceId);
      JsonNode online = widget.await("presence");
      assertEquals("AGENT", online.path("who").asText());
      assertTrue(online.path("online").asBoolean());
      assertFalse(online.has("agentId"));

      dashboard.close();
      assertFalse(widget.await("presence").path("online").asBoolean(), "and when it leaves");
    }
  }

  @Test
  void aRemovedMemberStopsHearingAtOnce() {
    Browser member = Tenants.join(app, owner, workspaceId, "member@example.com", "member");
    try (LiveSocket dashboard =
        LiveSocket.team(app.localUrl(), member.accessToken(), workspaceId)) {
      ApiResponse removed =
          call(
              app,
              "DELETE",
              "/api/v1/workspaces/" + workspaceId + "/members/" + member.userId(),
              null,
              "Authorization",
              owner.bearer());
      assertEquals(200, removed.status(), removed.body());

      visitorSends("Secret question");

      JsonNode refused = dashboard.await("error");
      assertEquals("NOT_FOUND", refused.path("code").asText());
      assertTrue(
          dashboard.seen().stream().noneMatch(frame -> frame.toString().contains("Secret")),
          dashboard.seen().toString());
    }
  }

  @Test
  void outsidersAndStrangersAreKeptOut() {
    Browser stranger = app.registerAndLogIn("stranger@example.com");
    try (LiveSocket socket = LiveSocket.open(app.localUrl(), "/api/v1/ws")) {
      socket.send("{\"type\":\"auth\",\"token\":\"" + stranger.accessToken() + "\"}");
      socket.await("ready");
      socket.send("{\"type\":\"subscribe\",\"workspaceId\":\"" + workspaceId + "\"}");
      assertEquals("NOT_FOUND", socket.await("error").path("code").asText());
    }
    try (LiveSocket socket = LiveSocket.open(app.localUrl(), "/api/v1/ws")) {
      socket.send("{\"type\":\"auth\",\"token\":\"not-a-token\"}");
      socket.assertClosedWith(RealtimeRoutes.CLOSE_UNAUTHENTICATED);
    }
    try (LiveSocket socket = LiveSocket.open(app.localUrl(), "/api/v1/ws")) {
      socket.send("{\"type\":\"subscribe\",\"workspaceId\":\"" + workspaceId + "\"}");
      socket.assertClosedWith(RealtimeRoutes.CLOSE_UNAUTHENTICATED);
    }
    try (LiveSocket socket =
        LiveSocket.open(app.localUrl(), "/api/v1/widget/" + widgetKey + "/ws")) {
      socket.send(
          "{\"type\":\"auth\",\"token\":\"" + visitorToken + "\",\"conversationId\":\"other\"}");
      socket.assertClosedWith(RealtimeRoutes.CLOSE_UNAUTHENTICATED);
    }
  }

  @Test
  void badFramesGetAnErrorAndTheSocketStaysUsable() {
    try (LiveSocket dashboard = LiveSocket.team(app.localUrl(), owner.accessToken(), workspaceId)) {
      dashboard.send("not json");
      assertEquals("VALIDATION_ERROR", dashboard.await("error").path("code").asText());
      dashboard.send("{\"type\":\"dance\"}");
      assertEquals("VALIDATION_ERROR", dashboard.await("error").path("code").asText());
      dashboard.send("{\"type\":\"ping\"}");
      dashboard.await("pong");
    }
  }
}
