package com.minichat.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.minichat.adapters.http.testing.ApiClient;
import com.minichat.adapters.http.testing.ApiResponse;
import com.minichat.bootstrap.MiniChat;
import com.minichat.bootstrap.config.ConfigLoader;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole product path over real HTTP on the embedded defaults: sign up, create a workspace, chat
 * as a widget visitor in Thai and English with the offline answerer, read the history through the
 * server API, and find everything again after a restart.
 */
class WalkingSkeletonTest {
  @TempDir Path dataDir;

  private MiniChat miniChat;
  private ApiClient api;

  private void start() {
    start(Map.of());
  }

  private void start(Map<String, String> extra) {
    Map<String, String> env =
        new HashMap<>(
            Map.of(
                "APP_ENV", "development",
                "HOST", "127.0.0.1",
                "PORT", "0",
                "DATA_DIR", dataDir.toString(),
                "BCRYPT_COST", "4"));
    env.putAll(extra);
    miniChat =
        MiniChat.start(
            new ConfigLoader(env).load(), Clock.tick(Clock.systemUTC(), Duration.ofMillis(1)));
    api = new ApiClient(URI.create("http://127.0.0.1:" + miniChat.port()));
  }

  @AfterEach
  void stop() {
    if (miniChat != null) {
      miniChat.close();
    }
  }

  @Test
  void aVisitorChatsWithTheOfflineBotAndTheTeamReadsItAfterARestart() {
    start();
    assertEquals(200, api.get("/readyz").status());

    ApiResponse registered =
        api.post(
            "/api/v1/auth/register",
            """
            {"email":"Owner@Example.com","password":"Str0ng!Passw0rd","name":"สมชาย ใจดี"}""");
    assertEquals(201, registered.status());
    assertEquals("owner@example.com", registered.data().at("/user/email").asText());
    String bearer = logIn();

    ApiResponse created =
        api.post(
            "/api/v1/workspaces",
            """
            {"name":"ร้านกาแฟ Bean","welcomeMessage":"สวัสดีค่ะ ยินดีต้อนรับ",
             "welcomeMessages":{"en":"Hello and welcome to Bean!"},
             "faq":[{"question":"ร้านเปิดกี่โมง","answer":"ร้านเปิด 8 โมงเช้าถึง 6 โมงเย็นค่ะ"},
                    {"question":"Do you deliver coffee beans?","answer":"Yes, we deliver beans across Bangkok."}]}""",
            "Authorization",
            bearer);
    assertEquals(201, created.status());
    String workspaceId = created.data().at("/workspace/id").asText();
    String widgetKey = created.data().at("/workspace/widgetKey").asText();
    assertTrue(widgetKey.startsWith("wk_"), widgetKey);

    ApiResponse config = api.get("/api/v1/widget/" + widgetKey + "/config");
    assertEquals("สวัสดีค่ะ ยินดีต้อนรับ", config.data().path("welcomeMessage").asText());
    ApiResponse englishConfig =
        api.get("/api/v1/widget/" + widgetKey + "/config", "Accept-Language", "en-GB,en;q=0.9");
    assertEquals(
        "Hello and welcome to Bean!", englishConfig.data().path("welcomeMessage").asText());
    ApiResponse thaiConfig =
        api.get("/api/v1/widget/" + widgetKey + "/config?lang=th", "Accept-Language", "en-GB");
    assertEquals("สวัสดีค่ะ ยินดีต้อนรับ", thaiConfig.data().path("welcomeMessage").asText());

    ApiResponse started = api.post("/api/v1/widget/" + widgetKey + "/conversations", null);
    assertEquals(201, started.status());
    String conversationId = started.data().path("conversationId").asText();
    String visitor = "Bearer " + started.data().path("visitorToken").asText();
    String messages =
        "/api/v1/widget/" + widgetKey + "/conversations/" + conversationId + "/messages";

    ApiResponse thai =
        api.post(messages, "{\"text\":\"ร้านเปิดกี่โมงคะ\"}", "Authorization", visitor);
    assertEquals(200, thai.status());
    assertEquals("VISITOR", thai.data().at("/message/author").asText());
    assertEquals("AI", thai.data().at("/reply/author").asText());
    assertEquals("ร้านเปิด 8 โมงเช้าถึง 6 โมงเย็นค่ะ", thai.data().at("/reply/text").asText());

    ApiResponse english =
        api.post(messages, "{\"text\":\"Do you deliver beans?\"}", "Authorization", visitor);
    assertEquals(
        "Yes, we deliver beans across Bangkok.", english.data().at("/reply/text").asText());

    ApiResponse unknown =
        api.post(messages, "{\"text\":\"Can I park my car there?\"}", "Authorization", visitor);
    String fallback = unknown.data().at("/reply/text").asText();
    assertFalse(fallback.contains("8 โมง") || fallback.contains("Bangkok"), fallback);

    ApiResponse history = api.get(messages, "Authorization", visitor);
    assertEquals(6, history.data().size());

    JsonNode conversations =
        api.get("/api/v1/conversations?workspaceId=" + workspaceId, "Authorization", bearer).data();
    assertEquals(1, conversations.size());
    assertEquals(conversationId, conversations.path(0).path("id").asText());

    miniChat.close();
    start();

    String bearerAfterRestart = logIn();
    ApiResponse afterRestart =
        api.get(
            "/api/v1/conversations/" + conversationId + "/messages?limit=4",
            "Authorization",
            bearerAfterRestart);
    assertEquals(200, afterRestart.status());
    assertEquals(4, afterRestart.data().size());
    assertEquals("ร้านเปิดกี่โมงคะ", afterRestart.data().path(0).path("text").asText());
    String next = afterRestart.json().at("/metadata/pagination/nextCursor").asText();
    ApiResponse rest =
        api.get(
            "/api/v1/conversations/" + conversationId + "/messages?limit=4&cursor=" + next,
            "Authorization",
            bearerAfterRestart);
    assertEquals(2, rest.data().size());
    assertEquals("Can I park my car there?", rest.data().path(0).path("text").asText());
    assertTrue(rest.json().at("/metadata/pagination/nextCursor").isNull());
  }

  @Test
  void tenantsAndVisitorsStayInTheirOwnConversations() {
    start();
    String alice = registerAndLogIn("alice@example.com");
    String bob = registerAndLogIn("bob@example.com");
    ApiResponse created =
        api.post("/api/v1/workspaces", "{\"name\":\"Alice Shop\"}", "Authorization", alice);
    String workspaceId = created.data().at("/workspace/id").asText();
    String widgetKey = created.data().at("/workspace/widgetKey").asText();
    ApiResponse first = api.post("/api/v1/widget/" + widgetKey + "/conversations", null);
    ApiResponse second = api.post("/api/v1/widget/" + widgetKey + "/conversations", null);

    assertEquals(404, api.get("/api/v1/workspaces/" + workspaceId, "Authorization", bob).status());
    assertEquals(
        404,
        api.get("/api/v1/conversations?workspaceId=" + workspaceId, "Authorization", bob).status());
    ApiResponse foreignVisitor =
        api.get(
            "/api/v1/widget/"
                + widgetKey
                + "/conversations/"
                + first.data().path("conversationId").asText()
                + "/messages",
            "Authorization",
            "Bearer " + second.data().path("visitorToken").asText());
    assertEquals(401, foreignVisitor.status());
  }

  @Test
  void badInputGetsTheErrorEnvelopeAndNever500() {
    start();
    String bearer = registerAndLogIn("carol@example.com");

    ApiResponse malformed = api.post("/api/v1/workspaces", "{\"name\":", "Authorization", bearer);
    ApiResponse missing = api.post("/api/v1/workspaces", "{}", "Authorization", bearer);
    ApiResponse wrongType =
        api.post(
            "/api/v1/workspaces", "{\"name\":\"A\",\"faq\":\"nope\"}", "Authorization", bearer);
    ApiResponse badFaq =
        api.post(
            "/api/v1/workspaces",
            "{\"name\":\"A\",\"faq\":[{\"question\":\"\",\"answer\":\"x\"}],\"dataRetentionDays\":0}",
            "Authorization",
            bearer);
    ApiResponse nulls =
        api.post(
            "/api/v1/workspaces",
            "{\"name\":\"A\",\"faq\":[null],\"allowedDomains\":[null]}",
            "Authorization",
            bearer);
    ApiResponse unknownRoute = api.get("/api/v1/unknown");

    assertEquals(400, malformed.status());
    assertEquals("name", missing.json().at("/error/details/0/field").asText());
    assertEquals("faq", wrongType.json().at("/error/details/0/field").asText());
    assertEquals(2, badFaq.json().at("/error/details").size(), badFaq.body());
    assertEquals(400, nulls.status(), nulls.body());
    assertEquals("faq[0]", nulls.json().at("/error/details/0/field").asText());
    assertEquals("allowedDomains[0]", nulls.json().at("/error/details/1/field").asText());
    assertEquals("NOT_FOUND", unknownRoute.errorCode());
  }

  @Test
  void withRedisTheInstanceChecksItAndChatsThroughIt() {
    // Limits live in the shared Redis across runs, so this instance gets generous ones.
    start(
        Map.of(
            "REDIS_URL", "redis://127.0.0.1:6379",
            "REGISTER_RATE_LIMIT", "1000/1s",
            "LOGIN_RATE_LIMIT", "1000/1s"));

    ApiResponse ready = api.get("/readyz");
    assertEquals(200, ready.status());
    assertTrue(ready.json().at("/checks/redis").asBoolean(), ready.body());

    String bearer = registerAndLogIn("dave@example.com");
    String widgetKey =
        api.post("/api/v1/workspaces", "{\"name\":\"Dave\"}", "Authorization", bearer)
            .data()
            .at("/workspace/widgetKey")
            .asText();
    ApiResponse started = api.post("/api/v1/widget/" + widgetKey + "/conversations", null);
    ApiResponse sent =
        api.post(
            "/api/v1/widget/"
                + widgetKey
                + "/conversations/"
                + started.data().path("conversationId").asText()
                + "/messages",
            "{\"text\":\"hello\"}",
            "Authorization",
            "Bearer " + started.data().path("visitorToken").asText());
    assertEquals(200, sent.status());
    // Events come back through Redis pub/sub, so the counter appears a moment later.
    Instant deadline = Instant.now().plusSeconds(10);
    while (!api.get("/metrics").body().contains("minichat_messages_total")
        && Instant.now().isBefore(deadline)) {
      Thread.onSpinWait();
    }
    assertTrue(api.get("/metrics").body().contains("minichat_messages_total"));
  }

  @Test
  void developmentStartsWithADemoWorkspaceForTheDemoPage() {
    start();

    ApiResponse demo = api.get("/demo.html");

    assertEquals(200, demo.status());
    assertFalse(demo.body().contains("__WIDGET_KEY__"), demo.body());
  }

  private String logIn() {
    ApiResponse login =
        api.post(
            "/api/v1/auth/login",
            "{\"email\":\"owner@example.com\",\"password\":\"Str0ng!Passw0rd\"}");
    assertEquals(200, login.status());
    return "Bearer " + login.data().path("accessToken").asText();
  }

  private String registerAndLogIn(String email) {
    api.post(
        "/api/v1/auth/register",
        "{\"email\":\"" + email + "\",\"password\":\"Str0ng!Passw0rd\",\"name\":\"N\"}");
    ApiResponse login =
        api.post(
            "/api/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"Str0ng!Passw0rd\"}");
    return "Bearer " + login.data().path("accessToken").asText();
  }
}
