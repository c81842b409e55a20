package com.minichat.bootstrap.e2e;

import static com.minichat.bootstrap.e2e.Tenants.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.minichat.adapters.http.testing.ApiResponse;
import com.minichat.adapters.mongo.EmbeddedMongoServer;
import com.minichat.bootstrap.e2e.IdentityApp.Browser;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two MiniChat instances behind an imaginary load balancer, sharing MongoDB and the real Redis on
 * 127.0.0.1:6379: a visitor on one and an agent on the other hear each other live.
 */
class TwoInstanceRealtimeTest {
  private static final String REDIS_URL = "redis://127.0.0.1:6379";

  @TempDir Path first;
  @TempDir Path second;

  private EmbeddedMongoServer mongo;
  private IdentityApp one;
  private IdentityApp two;

  @BeforeEach
  void start() {
    mongo = EmbeddedMongoServer.startInMemory();
    String uri = mongo.connectionString();
    one = IdentityApp.start(first, "MONGODB_URI", uri, "REDIS_URL", REDIS_URL);
    two = IdentityApp.start(second, "MONGODB_URI", uri, "REDIS_URL", REDIS_URL);
  }

  @AfterEach
  void stop() {
    one.close();
    two.close();
    mongo.close();
  }

  @Test
  void aVisitorOnOneInstanceAndAnAgentOnTheOtherHearEachOther() {
    Browser owner = one.registerAndLogIn("owner@example.com");
    JsonNode workspace = Tenants.createWorkspace(one, owner, "Baan Suan");
    String widgetKey = workspace.path("widgetKey").asText();
    ApiResponse started = one.api().post("/api/v1/widget/" + widgetKey + "/conversations", null);
    String conversationId = started.data().path("conversationId").asText();
    String visitorToken = started.data().path("visitorToken").asText();

    try (LiveSocket widget =
            LiveSocket.visitor(one.localUrl(), widgetKey, conversationId, visitorToken);
        LiveSocket dashboard =
            LiveSocket.team(two.localUrl(), owner.accessToken(), workspace.path("id").asText())) {
      ApiResponse sent =
          call(
              one,
              "POST",
              "/api/v1/widget/" + widgetKey + "/conversations/" + conversationId + "/messages",
              "{\"text\":\"Is anyone there?\"}",
              "Authorization",
              "Bearer " + visitorToken);
      assertEquals(200, sent.status(), sent.body());

      JsonNode heardOnTwo =
          dashboard.await(
              frame -> frame.at("/message/text").asText().equals("Is anyone there?"),
              "the visitor's message on the other instance");
      assertEquals("message.created", heardOnTwo.path("type").asText());

      dashboard.send(
          "{\"type\":\"typing\",\"conversationId\":\"" + conversationId + "\",\"typing\":true}");
      assertEquals(
          "AGENT",
          widget
              .await(
                  frame ->
                      frame.path("type").asText().equals("typing")
                          && frame.path("who").asText().equals("AGENT"),
                  "the agent typing on the other instance")
              .path("who")
              .asText());

      ApiResponse answered =
          call(
              two,
              "POST",
              "/api/v1/conversations/" + conversationId + "/messages",
              "{\"text\":\"Yes, Ann here\"}",
              "Authorization",
              owner.bearer());
      assertEquals(201, answered.status(), answered.body());

      JsonNode heardOnOne =
          widget.await(
              frame -> frame.at("/message/text").asText().equals("Yes, Ann here"),
              "the agent's answer on the other instance");
      assertEquals("AGENT", heardOnOne.at("/message/author").asText());
      assertTrue(
          widget.await("conversation.updated").at("/conversation/aiPaused").asBoolean(),
          "the takeover reaches the visitor too");
    }
  }
}
