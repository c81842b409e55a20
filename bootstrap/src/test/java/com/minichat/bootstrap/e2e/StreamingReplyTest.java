package com.minichat.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.minichat.adapters.ai.openai.OpenAiDialect;
import com.minichat.adapters.ai.provider.ProviderStub;
import com.minichat.adapters.ai.provider.ProviderStub.Failure;
import com.minichat.adapters.http.testing.ApiResponse;
import com.minichat.bootstrap.e2e.IdentityApp.Browser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The widget's reply over real HTTP from stub providers speaking OpenAI's wire format: the chain
 * falls back, the reply streams as server-sent events, and it is stored whole whatever the client
 * does.
 */
class StreamingReplyTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dataDir;

  private final ProviderStub primary =
      ProviderStub.start(new OpenAiDialect("/v1/chat/completions"));
  private final ProviderStub secondary =
      ProviderStub.start(new OpenAiDialect("/v1/chat/completions"))
          .answer(List.of("ร้าน", "เปิด", " 8 โมง", "ค่ะ"), 30, 4);
  private final HttpClient http = HttpClient.newHttpClient();
  private IdentityApp app;
  private Browser owner;
  private String workspaceId;
  private String widgetKey;

  /** One server-sent event. */
  private record Event(String name, JsonNode data) {}

  @BeforeEach
  void start() {
    app = IdentityApp.start(dataDir, "AI_RETRIES", "1");
    owner = app.registerAndLogIn("owner@example.com");
    JsonNode workspace = Tenants.createWorkspace(app, owner, "Baan Suan");
    widgetKey = workspace.path("widgetKey").asText();
    workspaceId = workspace.path("id").asText();
    Tenants.setProviders(
        app,
        owner,
        workspaceId,
        "[{\"type\":\"openai\",\"model\":\"gpt-4o-mini\",\"apiKey\":\"sk-e2e-primary-0001\","
            + "\"baseUrl\":\""
            + primary.baseUrl()
            + "/v1\"},{\"type\":\"openai-compatible\",\"model\":\"llama-3.1-8b\","
            + "\"baseUrl\":\""
            + secondary.baseUrl()
            + "/v1\"}]");
  }

  @AfterEach
  void stop() {
    app.close();
    primary.close();
    secondary.close();
    http.close();
  }

  @Test
  void theReplyStreamsTokenByTokenAndEndsWithTheStoredMessages() throws Exception {
    String[] visitor = startConversation();

    HttpResponse<InputStream> response = post(visitor, "เปิดกี่โมง", "text/event-stream");
    List<Event> events = read(response);

    assertEquals(200, response.statusCode());
    assertTrue(
        response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
    List<String> tokens = texts(events);
    assertTrue(tokens.size() > 1, "streamed in pieces: " + tokens);
    assertEquals(primary.answerText(), String.join("", tokens));
    Event done = events.getLast();
    assertEquals("done", done.name());
    assertEquals(primary.answerText(), done.data().at("/reply/text").asText());
    assertEquals("เปิดกี่โมง", done.data().at("/message/text").asText());
    assertEquals(primary.answerText(), history(visitor).get(1).path("text").asText());
  }

  @Test
  void withAFailingPrimaryEveryOneOf200MessagesGetsExactlyOneCompleteReplyFromTheNext()
      throws Exception {
    primary.failAlways(Failure.STATUS_500);
    // a visitor may send 20 messages a minute, so the 200 messages come from 10 visitors
    for (int visitorNumber = 0; visitorNumber < 10; visitorNumber++) {
      String[] visitor = startConversation();
      for (int i = 0; i < 20; i++) {
        boolean streamed = i % 2 == 0;
        HttpResponse<InputStream> response =
            post(visitor, "question " + i, streamed ? "text/event-stream" : "application/json");
        assertEquals(200, response.statusCode());
        if (streamed) {
          List<Event> events = read(response);
          assertEquals(secondary.answerText(), String.join("", texts(events)));
          assertEquals("done", events.getLast().name());
        } else {
          JsonNode body = JSON.readTree(response.body());
          assertEquals(secondary.answerText(), body.at("/data/reply/text").asText());
        }
      }
      List<JsonNode> stored = history(visitor);
      assertEquals(40, stored.size(), "one question and exactly one reply each");
      for (int i = 0; i < 40; i += 2) {
        assertEquals("VISITOR", stored.get(i).path("author").asText());
        assertEquals("AI", stored.get(i + 1).path("author").asText());
        assertEquals(secondary.answerText(), stored.get(i + 1).path("text").asText());
      }
    }
    assertEquals(200, secondary.received().size());
  }

  @Test
  void piecesOfABrokenAnswerAreVoidedBeforeTheNextProviderAnswers() throws Exception {
    primary.failAlways(Failure.RESET_MID_STREAM);

    List<Event> events = read(post(startConversation(), "Hi", "text/event-stream"));

    List<String> names = events.stream().map(Event::name).toList();
    int lastReset = names.lastIndexOf("reset");
    assertTrue(lastReset > 0, "the broken answer was voided: " + names);
    assertEquals(
        secondary.answerText(), String.join("", texts(events.subList(lastReset, events.size()))));
    assertEquals("done", names.getLast());
  }

  @Test
  void whenEveryProviderFailsMidStreamTheStreamEndsWithAnErrorEvent() throws Exception {
    primary.failAlways(Failure.RESET_MID_STREAM);
    secondary.failAlways(Failure.RESET_MID_STREAM);
    String[] visitor = startConversation();

    List<Event> events = read(post(visitor, "Hi", "text/event-stream"));

    Event last = events.getLast();
    assertEquals("error", last.name());
    assertEquals("UPSTREAM_UNAVAILABLE", last.data().path("code").asText());
    assertFalse(last.data().toString().contains("sk-e2e"), last.data().toString());
    List<JsonNode> stored = history(visitor);
    assertEquals(1, stored.size(), "the visitor's message is kept, no partial reply is stored");
  }

  @Test
  void aRequestRefusedBeforeAnyTextGetsTheUsualJsonError() throws Exception {
    primary.failAlways(Failure.STATUS_500);
    secondary.failAlways(Failure.STATUS_500);
    String[] visitor = startConversation();

    HttpResponse<InputStream> empty = post(visitor, " ", "text/event-stream");
    assertEquals(400, empty.statusCode());
    assertEquals("VALIDATION_ERROR", JSON.readTree(empty.body()).at("/error/code").asText());

    HttpResponse<InputStream> unavailable = post(visitor, "Hi", "text/event-stream");
    assertEquals(503, unavailable.statusCode());
    assertEquals(
        "UPSTREAM_UNAVAILABLE", JSON.readTree(unavailable.body()).at("/error/code").asText());
  }

  @Test
  void theReplyIsStoredWholeWhenTheClientLeavesMidStream() throws Exception {
    primary.pace(Duration.ofMillis(150));
    String[] visitor = startConversation();

    try (InputStream body = post(visitor, "Hi", "text/event-stream").body()) {
      BufferedReader reader =
          new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null && !line.startsWith("event: token")) {
        // waits for the first piece, then hangs up
      }
    }

    List<JsonNode> stored = history(visitor);
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (stored.size() < 2 && System.nanoTime() < deadline) {
      Thread.sleep(50);
      stored = history(visitor);
    }
    assertEquals(2, stored.size());
    assertEquals(primary.answerText(), stored.get(1).path("text").asText());
  }

  @Test
  void personalDataIsReplacedBeforeItLeavesForTheProvider() throws Exception {
    HttpResponse<InputStream> response =
        post(
            startConversation(),
            "อีเมลฉันคือ somchai@example.com โทร 081-234-5678",
            "application/json");
    assertEquals(200, response.statusCode());

    String sent = primary.received().getLast().body().toString();
    assertFalse(sent.contains("somchai@example.com"), sent);
    assertFalse(sent.contains("081-234-5678"), sent);
    assertTrue(sent.contains("[EMAIL_1]") && sent.contains("[PHONE_1]"), sent);
  }

  @Test
  void eachAnswerIsPricedAndTheMonthsSpendingIsShownPerModel() throws Exception {
    post(startConversation(), "Hi", "application/json");
    secondary.answer(List.of("fallback"), 100, 10);
    primary.failAlways(Failure.STATUS_500);
    post(startConversation(), "Hi again", "application/json");

    ApiResponse usage =
        app.api()
            .get("/api/v1/workspaces/" + workspaceId + "/usage", "Authorization", owner.bearer());

    assertEquals(200, usage.status(), usage.body());
    // gpt-4o-mini at the bundled list price: 12 × 0.15 + 5 × 0.60 $/M tokens = 4.8 µ$, rounded up
    assertTrue(usage.body().contains("\"costUsd\":0.000005,"), usage.body());
    JsonNode models = usage.data().at("/ai/models");
    assertEquals("gpt-4o-mini", models.get(0).path("model").asText(), models.toString());
    assertEquals(12, models.get(0).path("inputTokens").asInt());
    assertEquals("llama-3.1-8b", models.get(1).path("model").asText(), "self-hosted: free");
    assertEquals(0, models.get(1).path("costUsd").asDouble());
    assertEquals(100, models.get(1).path("inputTokens").asInt());
    assertTrue(usage.data().at("/ai/budgetUsd").isNull());
  }

  private String[] startConversation() {
    ApiResponse started = app.api().post("/api/v1/widget/" + widgetKey + "/conversations", null);
    assertEquals(201, started.status(), started.body());
    return new String[] {
      started.data().path("conversationId").asText(), started.data().path("visitorToken").asText()
    };
  }

  private String messagesPath(String[] visitor) {
    return "/api/v1/widget/" + widgetKey + "/conversations/" + visitor[0] + "/messages";
  }

  private HttpResponse<InputStream> post(String[] visitor, String text, String accept)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(app.localUrl() + messagesPath(visitor)))
            .header("Content-Type", "application/json")
            .header("Accept", accept)
            .header("Authorization", "Bearer " + visitor[1])
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    JSON.createObjectNode().put("text", text).toString()))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
  }

  private List<JsonNode> history(String[] visitor) {
    ApiResponse page =
        app.api()
            .get(messagesPath(visitor) + "?limit=200", "Authorization", "Bearer " + visitor[1]);
    assertEquals(200, page.status(), page.body());
    List<JsonNode> items = new ArrayList<>();
    page.data().forEach(items::add);
    return items;
  }

  private static List<Event> read(HttpResponse<InputStream> response) throws IOException {
    List<Event> events = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      String name = null;
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.startsWith("event: ")) {
          name = line.substring(7);
        } else if (line.startsWith("data: ")) {
          events.add(new Event(name, JSON.readTree(line.substring(6))));
        }
      }
    }
    return events;
  }

  private static List<String> texts(List<Event> events) {
    return events.stream()
        .filter(event -> event.name().equals("token"))
        .map(event -> event.data().path("text").asText())
        .toList();
  }
}
