package com.minichat.bootstrap.e2e;

import static com.minichat.bootstrap.e2e.Tenants.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.minichat.adapters.http.testing.ApiResponse;
import com.minichat.bootstrap.e2e.IdentityApp.Browser;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A conversation's life over HTTP: the team takes over from the bot and hands it back, statuses,
 * the visitor asking for a person and saying who they are, reactions, edits and receipts.
 */
class ConversationLifecycleTest {
  @TempDir Path dataDir;

  private IdentityApp app;
  private Browser owner;
  private String widgetKey;
  private String workspaceId;
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

  private String visitorPath(String rest) {
    return "/api/v1/widget/" + widgetKey + "/conversations/" + conversationId + rest;
  }

  private String teamPath(String rest) {
    return "/api/v1/conversations/" + conversationId + rest;
  }

  private ApiResponse visitor(String method, String rest, String body) {
    return call(app, method, visitorPath(rest), body, "Authorization", "Bearer " + visitorToken);
  }

  private ApiResponse team(String method, String rest, String body) {
    return call(app, method, teamPath(rest), body, "Authorization", owner.bearer());
  }

  private JsonNode send(String text) {
    ApiResponse sent = visitor("POST", "/messages", "{\"text\":\"" + text + "\"}");
    assertEquals(200, sent.status(), sent.body());
    return sent.data();
  }

  @Test
  void anAgentsAnswerSilencesTheBotUntilTheTeamHandsItBack() {
    assertFalse(send("Hello").path("reply").isNull(), "the bot answers at first");

    ApiResponse answered = team("POST", "/messages", "{\"text\":\"สวัสดีค่ะ ดิฉันชื่อแอนค่ะ\"}");
    assertEquals(201, answered.status(), answered.body());
    assertEquals("AGENT", answered.data().path("author").asText());
    assertEquals(owner.userId(), answered.data().path("authorId").asText());
    assertTrue(team("GET", "", null).data().path("aiPaused").asBoolean());

    JsonNode whileTakenOver = send("Thanks Ann");
    assertTrue(whileTakenOver.path("reply").isNull(), whileTakenOver.toString());

    ApiResponse handedBack = team("PATCH", "", "{\"aiPaused\":false}");
    assertFalse(handedBack.data().path("aiPaused").asBoolean(), handedBack.body());
    assertEquals("AI", send("Are you open?").at("/reply/author").asText());

    ApiResponse history = visitor("GET", "/messages", null);
    assertEquals(6, history.data().size(), history.body());
    JsonNode agentMessage = history.data().get(2);
    assertEquals("AGENT", agentMessage.path("author").asText());
    assertFalse(agentMessage.has("authorId"), "visitors do not see who: " + agentMessage);
    assertFalse(history.data().get(1).has("usage"), "nor what an answer used");
  }

  @Test
  void theTeamSeesWhatEachAiAnswerUsed() {
    send("Hello");

    JsonNode reply = team("GET", "/messages", null).data().get(1);

    assertEquals("offline", reply.at("/usage/provider").asText(), reply.toString());
    assertEquals("offline", reply.at("/usage/model").asText());
    assertEquals(0, reply.at("/usage/costMicros").asLong());
  }

  @Test
  void aClosedConversationReopensWhenTheVisitorWrites() {
    ApiResponse closed = team("PATCH", "", "{\"status\":\"closed\"}");
    assertEquals("CLOSED", closed.data().path("status").asText(), closed.body());

    send("One more question");

    assertEquals("OPEN", team("GET", "", null).data().path("status").asText());
    ApiResponse wrong = team("PATCH", "", "{\"status\":\"archived\"}");
    assertEquals(400, wrong.status(), wrong.body());
    assertEquals("status", wrong.json().at("/error/details/0/field").asText());
  }

  @Test
  void theVisitorAsksForAPersonAndSaysWhoTheyAre() {
    ApiResponse wanted = visitor("POST", "/human", null);
    assertEquals(200, wanted.status(), wanted.body());
    assertTrue(wanted.data().path("humanRequested").asBoolean());

    ApiResponse identified =
        visitor(
            "PUT",
            "/visitor",
            "{\"name\":\"สมชาย\",\"email\":\"Somchai@Example.com\",\"phone\":\"081-234-5678\"}");
    assertEquals(200, identified.status(), identified.body());
    JsonNode seenByTeam = team("GET", "", null).data();
    assertTrue(seenByTeam.path("humanRequested").asBoolean());
    assertEquals("สมชาย", seenByTeam.at("/visitor/name").asText());
    assertEquals("somchai@example.com", seenByTeam.at("/visitor/email").asText());

    ApiResponse wrong = visitor("PUT", "/visitor", "{\"email\":\"not an address\"}");
    assertEquals(400, wrong.status(), wrong.body());
    assertEquals("email", wrong.json().at("/error/details/0/field").asText());

    team("POST", "/messages", "{\"text\":\"Hi, I'm here\"}");
    assertFalse(team("GET", "", null).data().path("humanRequested").asBoolean());
  }

  @Test
  void theVisitorRatesAnswersButNotTheirOwnMessages() {
    JsonNode exchange = send("Hello");
    String answerId = exchange.at("/reply/id").asText();

    ApiResponse rated =
        visitor("PUT", "/messages/" + answerId + "/reaction", "{\"reaction\":\"up\"}");
    assertEquals(200, rated.status(), rated.body());
    assertEquals("up", rated.data().path("reaction").asText());
    assertEquals("up", team("GET", "/messages", null).data().get(1).path("reaction").asText());

    ApiResponse own =
        visitor(
            "PUT",
            "/messages/" + exchange.at("/message/id").asText() + "/reaction",
            "{\"reaction\":\"down\"}");
    assertEquals(400, own.status(), own.body());
    ApiResponse unknown =
        visitor("PUT", "/messages/" + answerId + "/reaction", "{\"reaction\":\"love\"}");
    assertEquals(400, unknown.status(), unknown.body());
    ApiResponse takenBack =
        visitor("PUT", "/messages/" + answerId + "/reaction", "{\"reaction\":null}");
    assertFalse(takenBack.data().has("reaction"), takenBack.body());
  }

  @Test
  void messagesAreEditableForFiveMinutesWithTheirHistoryKeptForTheTeam() {
    String questionId = send("Opne today?").at("/message/id").asText();

    ApiResponse edited = visitor("PATCH", "/messages/" + questionId, "{\"text\":\"Open today?\"}");
    assertEquals(200, edited.status(), edited.body());
    assertTrue(edited.data().has("editedAt"));
    assertFalse(edited.data().has("edits"), "the visitor sees the marker only");
    JsonNode forTeam = team("GET", "/messages", null).data().get(0);
    assertEquals("Open today?", forTeam.path("text").asText());
    assertEquals("Opne today?", forTeam.at("/edits/0/text").asText());

    String answerId =
        team("POST", "/messages", "{\"text\":\"We open at 9\"}").data().path("id").asText();
    assertEquals(
        200, team("PATCH", "/messages/" + answerId, "{\"text\":\"We open at 8\"}").status());

    app.clock.advance(Duration.ofMinutes(5).plusSeconds(1));
    ApiResponse late = visitor("PATCH", "/messages/" + questionId, "{\"text\":\"Too late\"}");
    assertEquals(403, late.status(), late.body());
    assertEquals("EDIT_WINDOW_CLOSED", late.errorCode());
    ApiResponse lateAgent = team("PATCH", "/messages/" + answerId, "{\"text\":\"Too late\"}");
    assertEquals("EDIT_WINDOW_CLOSED", lateAgent.errorCode());
  }

  @Test
  void eachSideLearnsWhatTheOtherHasReceivedAndSeen() {
    JsonNode exchange = send("Hello");
    String answerId = exchange.at("/reply/id").asText();
    String questionId = exchange.at("/message/id").asText();

    ApiResponse visitorSaw =
        visitor("POST", "/receipts", "{\"kind\":\"seen\",\"upTo\":\"" + answerId + "\"}");
    assertEquals(200, visitorSaw.status(), visitorSaw.body());
    JsonNode receipts = team("GET", "", null).data().path("receipts");
    assertEquals(
        exchange.at("/reply/createdAt").asText(), receipts.path("visitorSeenUpTo").asText());
    assertEquals(
        exchange.at("/reply/createdAt").asText(), receipts.path("visitorDeliveredUpTo").asText());

    ApiResponse teamGot =
        team("POST", "/receipts", "{\"kind\":\"delivered\",\"upTo\":\"" + questionId + "\"}");
    assertEquals(200, teamGot.status(), teamGot.body());
    ApiResponse forVisitor = visitor("POST", "/human", null);
    assertEquals(
        exchange.at("/message/createdAt").asText(),
        forVisitor.data().path("teamDeliveredUpTo").asText());
    assertFalse(forVisitor.data().has("teamSeenUpTo"));

    ApiResponse wrongKind =
        visitor("POST", "/receipts", "{\"kind\":\"read\",\"upTo\":\"" + answerId + "\"}");
    assertEquals(400, wrongKind.status(), wrongKind.body());
    ApiResponse unknownMessage =
        visitor("POST", "/receipts", "{\"kind\":\"seen\",\"upTo\":\"nothing-here\"}");
    assertEquals(404, unknownMessage.status(), unknownMessage.body());
  }

  @Test
  void theWorkspacePolicyBlocksWordsAndKeepsABudget() {
    String workspacePath = "/api/v1/workspaces/" + workspaceId;
    ApiResponse changed =
        call(
            app,
            "PATCH",
            workspacePath,
            "{\"aiPolicy\":{\"blockedWords\":[\"คาสิโน\"],\"monthlyBudgetUsd\":25.5}}",
            "Authorization",
            owner.bearer());
    assertEquals(200, changed.status(), changed.body());
    JsonNode policy = changed.data().at("/workspace/aiPolicy");
    assertEquals(25.5, policy.path("monthlyBudgetUsd").asDouble(), policy.toString());
    assertTrue(policy.path("redactPersonalData").asBoolean(), "absent fields take the defaults");
    assertEquals(80, policy.path("budgetWarningPercent").asInt());

    ApiResponse blocked = visitor("POST", "/messages", "{\"text\":\"เล่นคาสิโนได้ไหม\"}");
    assertEquals(400, blocked.status(), blocked.body());
    assertEquals("text", blocked.json().at("/error/details/0/field").asText());
    assertEquals(0, visitor("GET", "/messages", null).data().size(), "nothing was stored");

    ApiResponse wrong =
        call(
            app,
            "PATCH",
            workspacePath,
            "{\"aiPolicy\":{\"monthlyBudgetUsd\":-1,\"budgetWarningPercent\":0}}",
            "Authorization",
            owner.bearer());
    assertEquals(400, wrong.status(), wrong.body());
    assertEquals("aiPolicy.monthlyBudgetUsd", wrong.json().at("/error/details/0/field").asText());
    assertEquals(
        "aiPolicy.budgetWarningPercent", wrong.json().at("/error/details/1/field").asText());
  }

  @Test
  void aReturningVisitorKeepsOneAnonymousIdentity() {
    ApiResponse first = app.api().post("/api/v1/widget/" + widgetKey + "/conversations", null);
    String visitorId = first.data().path("visitorId").asText();

    ApiResponse again =
        app.api()
            .post(
                "/api/v1/widget/" + widgetKey + "/conversations",
                "{\"visitorId\":\"" + visitorId + "\"}");
    assertEquals(201, again.status(), again.body());
    assertEquals(visitorId, again.data().path("visitorId").asText());
    String secondId = again.data().path("conversationId").asText();
    assertEquals(
        visitorId,
        call(app, "GET", "/api/v1/conversations/" + secondId, null, "Authorization", owner.bearer())
            .data()
            .path("visitorId")
            .asText());

    ApiResponse forged =
        app.api()
            .post("/api/v1/widget/" + widgetKey + "/conversations", "{\"visitorId\":\"../x\"}");
    assertEquals(400, forged.status(), forged.body());
    assertEquals("visitorId", forged.json().at("/error/details/0/field").asText());
  }

  @Test
  void aConversationIsAssignedToAMemberAndTheTeamSeesItLive() {
    Browser member = Tenants.join(app, owner, workspaceId, "member@example.com", "member");
    try (LiveSocket dashboard = LiveSocket.team(app.localUrl(), owner.accessToken(), workspaceId)) {
      ApiResponse assigned = team("PATCH", "", "{\"assigneeId\":\"" + member.userId() + "\"}");
      assertEquals(200, assigned.status(), assigned.body());
      assertEquals(member.userId(), assigned.data().path("assigneeId").asText());
      assertEquals(
          member.userId(),
          dashboard.await("conversation.updated").at("/conversation/assigneeId").asText());
    }

    ApiResponse stranger = team("PATCH", "", "{\"assigneeId\":\"nobody-here\"}");
    assertEquals(400, stranger.status(), stranger.body());
    assertEquals("assigneeId", stranger.json().at("/error/details/0/field").asText());
    assertTrue(team("PATCH", "", "{\"assigneeId\":\"\"}").data().path("assigneeId").isNull());
  }
}
