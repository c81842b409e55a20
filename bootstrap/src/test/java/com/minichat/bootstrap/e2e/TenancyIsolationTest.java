package com.minichat.bootstrap.e2e;

import static com.minichat.bootstrap.e2e.Tenants.call;
import static com.minichat.bootstrap.e2e.Tenants.ids;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.minichat.adapters.http.testing.ApiResponse;
import com.minichat.bootstrap.e2e.Tenants.Tenant;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two tenants, alpha (A) and beta (B), each an owner with a workspace, a member, an open
 * invitation, an API key of every scope and a widget conversation. Every endpoint that names a
 * workspace, conversation, member, invitation or key is tried with every credential of B on A's
 * objects (and on B's workspace with A's objects): nothing of A can be read or changed, a foreign
 * object answers exactly like one that does not exist, and nothing of A appears in B's lists.
 *
 * <p>The matrix is {@link #ROWS} × {@link Caller}; the expected answer follows from the row's
 * {@link Guard} (who may call the endpoint at all) and is overridden per row where needed. Add a
 * row for every new endpoint that takes an id.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TenancyIsolationTest {
  @TempDir static Path dataDir;

  private IdentityApp app;
  private Tenant alpha;
  private Tenant beta;
  private String alphaServer;
  private String alphaUpload;

  @BeforeAll
  void start() {
    app = IdentityApp.start(dataDir);
    alpha = Tenants.create(app, "alpha");
    beta = Tenants.create(app, "beta");
    // alpha's model server (nobody listens there) and an upload to it, which fails in the
    // background
    ApiResponse server =
        app.api()
            .post(
                "/api/v1/workspaces/" + alpha.workspaceId() + "/model-servers",
                "{\"name\":\"alpha GPU\",\"type\":\"ollama\",\"baseUrl\":\"http://127.0.0.1:9\"}",
                "Authorization",
                alpha.owner().bearer());
    assertEquals(201, server.status(), server.body());
    alphaServer = server.data().at("/server/id").asText();
    ApiResponse upload =
        app.api()
            .sendBody(
                "POST",
                "/api/v1/workspaces/"
                    + alpha.workspaceId()
                    + "/model-servers/"
                    + alphaServer
                    + "/models?name=alpha-bot",
                HttpRequest.BodyPublishers.ofString("GGUF alpha weights"),
                "application/octet-stream",
                "Authorization",
                alpha.owner().bearer());
    assertEquals(202, upload.status(), upload.body());
    alphaUpload = upload.data().at("/upload/id").asText();
  }

  @AfterAll
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  /** Which credentials an endpoint accepts at all. */
  enum Guard {
    /** Signed-in people only (access token); keys never manage people, keys or workspaces. */
    USER,
    /** People or workspace API keys. */
    USER_OR_KEY,
    /** Workspace API keys only: the key names the workspace (the server chat API). */
    KEY,
    /** The widget's visitor token for that very conversation. */
    VISITOR
  }

  /** Who of tenant B calls, and how the credential travels. */
  enum Caller {
    OWNER,
    MEMBER,
    READ_KEY,
    WRITE_KEY,
    ADMIN_KEY,
    READ_KEY_HEADER,
    WRITE_KEY_HEADER,
    ADMIN_KEY_HEADER,
    VISITOR;

    boolean isKey() {
      return name().contains("KEY");
    }

    boolean isPerson() {
      return this == OWNER || this == MEMBER;
    }

    String scope() {
      return name().substring(0, name().indexOf('_')).toLowerCase(Locale.ROOT);
    }
  }

  /** The answer a caller must get: status and error code. */
  record Expected(int status, String code) {
    static final Expected NOT_FOUND = new Expected(404, "NOT_FOUND");
    static final Expected UNAUTHENTICATED = new Expected(401, "AUTHENTICATION_FAILED");
    static final Expected FORBIDDEN = new Expected(403, "FORBIDDEN");

    @Override
    public String toString() {
      return status + " " + code;
    }
  }

  /**
   * One endpoint with one choice of ids. Placeholders: {@code {A.ws} {A.conv} {A.widget} {A.owner}
   * {A.member} {A.inv} {A.msg} {A.key.read|write|admin}} (ids of A's objects) and the same with
   * {@code B.} for beta's own objects.
   *
   * @param overrides answers that differ from the guard's default for some callers
   */
  record Row(
      String method, String path, String body, Guard guard, Map<Caller, Expected> overrides) {
    Row(String method, String path, String body, Guard guard) {
      this(method, path, body, guard, Map.of());
    }

    Expected expectedFor(Caller caller) {
      Expected override = overrides.get(caller);
      if (override != null) {
        return override;
      }
      return switch (guard) {
        case USER -> caller.isPerson() ? Expected.NOT_FOUND : Expected.UNAUTHENTICATED;
        case USER_OR_KEY ->
            caller == Caller.VISITOR ? Expected.UNAUTHENTICATED : Expected.NOT_FOUND;
        case KEY -> caller.isKey() ? Expected.NOT_FOUND : Expected.UNAUTHENTICATED;
        case VISITOR -> Expected.UNAUTHENTICATED;
      };
    }
  }

  /** B's member may not manage B's own workspace: refused before any id is looked at. */
  private static final Map<Caller, Expected> MEMBER_FORBIDDEN =
      Map.of(Caller.MEMBER, Expected.FORBIDDEN);

  /** A read key may not ask the bot: refused by its scope before any id is looked at. */
  private static final Map<Caller, Expected> READ_KEYS_FORBIDDEN =
      Map.of(Caller.READ_KEY, Expected.FORBIDDEN, Caller.READ_KEY_HEADER, Expected.FORBIDDEN);

  /** Settings of B's own workspace: B's member and B's read and write keys are refused first. */
  private static final Map<Caller, Expected> SETTINGS_FORBIDDEN =
      Map.of(
          Caller.MEMBER, Expected.FORBIDDEN,
          Caller.READ_KEY, Expected.FORBIDDEN,
          Caller.WRITE_KEY, Expected.FORBIDDEN,
          Caller.READ_KEY_HEADER, Expected.FORBIDDEN,
          Caller.WRITE_KEY_HEADER, Expected.FORBIDDEN);

  /** B's chain naming A's model server: not a server of B's workspace. */
  private static final Map<Caller, Expected> NOT_B_SERVER;

  static {
    Map<Caller, Expected> refused = new EnumMap<>(SETTINGS_FORBIDDEN);
    Expected invalid = new Expected(400, "VALIDATION_ERROR");
    for (Caller caller : List.of(Caller.OWNER, Caller.ADMIN_KEY, Caller.ADMIN_KEY_HEADER)) {
      refused.put(caller, invalid);
    }
    NOT_B_SERVER = Map.copyOf(refused);
  }

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([AB]\\.[a-z.]+)}");

  private static final String WS_A = "/api/v1/workspaces/{A.ws}";
  private static final String WS_B = "/api/v1/workspaces/{B.ws}";
  private static final String ROLE_ADMIN = "{\"role\":\"admin\"}";
  private static final String CONV_A = "/api/v1/conversations/{A.conv}";
  private static final String VISITOR_A = "/api/v1/widget/{A.widget}/conversations/{A.conv}";
  private static final String BETA_TEXT = "{\"text\":\"beta was here\"}";
  private static final String SEEN_A = "{\"kind\":\"seen\",\"upTo\":\"{A.msg}\"}";
  private static final String SERVER_A = "/model-servers/{A.server}";

  static final List<Row> ROWS =
      List.of(
          // A's workspace and everything under it
          new Row("GET", WS_A, null, Guard.USER_OR_KEY),
          new Row("GET", WS_A + "/usage", null, Guard.USER_OR_KEY),
          new Row("PATCH", WS_A, "{\"welcomeMessage\":\"pwned by beta\"}", Guard.USER_OR_KEY),
          new Row("DELETE", WS_A, null, Guard.USER),
          new Row("POST", WS_A + "/restore", null, Guard.USER),
          new Row("POST", WS_A + "/widget-key/rotate", null, Guard.USER),
          new Row("GET", WS_A + "/members", null, Guard.USER),
          new Row("PATCH", WS_A + "/members/{A.member}", ROLE_ADMIN, Guard.USER),
          new Row("DELETE", WS_A + "/members/{A.member}", null, Guard.USER),
          new Row("PATCH", WS_A + "/members/{A.owner}", "{\"role\":\"member\"}", Guard.USER),
          new Row("DELETE", WS_A + "/members/{A.owner}", null, Guard.USER),
          // "leaving" a workspace one never belonged to
          new Row("DELETE", WS_A + "/members/{B.owner}", null, Guard.USER),
          new Row("POST", WS_A + "/transfer-ownership", "{\"userId\":\"{A.member}\"}", Guard.USER),
          new Row("GET", WS_A + "/invitations", null, Guard.USER),
          new Row(
              "POST",
              WS_A + "/invitations",
              "{\"email\":\"intruder@example.com\",\"role\":\"admin\"}",
              Guard.USER),
          new Row("DELETE", WS_A + "/invitations/{A.inv}", null, Guard.USER),
          new Row("GET", WS_A + "/api-keys", null, Guard.USER),
          new Row(
              "POST",
              WS_A + "/api-keys",
              "{\"name\":\"intruder\",\"scope\":\"admin\"}",
              Guard.USER),
          new Row("POST", WS_A + "/api-keys/{A.key.admin}/rotate", null, Guard.USER),
          new Row("DELETE", WS_A + "/api-keys/{A.key.read}", null, Guard.USER),
          new Row("GET", WS_A + "/providers", null, Guard.USER_OR_KEY),
          new Row("PUT", WS_A + "/providers", "[{\"type\":\"offline\"}]", Guard.USER_OR_KEY),
          new Row("GET", WS_A + "/webhooks", null, Guard.USER_OR_KEY),
          new Row(
              "POST",
              WS_A + "/webhooks",
              "{\"url\":\"https://beta.example/hook\",\"events\":[\"message.created\"]}",
              Guard.USER_OR_KEY),
          new Row("GET", WS_A + "/model-servers", null, Guard.USER_OR_KEY),
          new Row(
              "POST",
              WS_A + "/model-servers",
              "{\"name\":\"beta\",\"type\":\"ollama\",\"baseUrl\":\"http://beta.example:11434\"}",
              Guard.USER_OR_KEY),
          new Row("GET", WS_A + SERVER_A, null, Guard.USER_OR_KEY),
          new Row("DELETE", WS_A + SERVER_A, null, Guard.USER_OR_KEY),
          new Row("GET", WS_A + SERVER_A + "/models", null, Guard.USER_OR_KEY),
          // the body is judged only after the server is found, so JSON is as good as a file here
          new Row("POST", WS_A + SERVER_A + "/models?name=beta-bot", "{}", Guard.USER_OR_KEY),
          new Row("GET", WS_A + "/model-uploads", null, Guard.USER_OR_KEY),
          new Row("GET", WS_A + "/model-uploads/{A.upload}", null, Guard.USER_OR_KEY),
          new Row("GET", "/api/v1/conversations?workspaceId={A.ws}", null, Guard.USER_OR_KEY),
          new Row("GET", "/api/v1/conversations/{A.conv}/messages", null, Guard.USER_OR_KEY),
          new Row("GET", CONV_A, null, Guard.USER_OR_KEY),
          new Row("PATCH", CONV_A, "{\"status\":\"closed\",\"aiPaused\":true}", Guard.USER_OR_KEY),
          new Row("POST", CONV_A + "/messages", BETA_TEXT, Guard.USER_OR_KEY),
          new Row("PATCH", CONV_A + "/messages/{A.msg}", BETA_TEXT, Guard.USER_OR_KEY),
          new Row("POST", CONV_A + "/receipts", SEEN_A, Guard.USER_OR_KEY),
          new Row(
              "POST",
              "/api/v1/chat",
              "{\"message\":\"beta was here\",\"conversationId\":\"{A.conv}\"}",
              Guard.KEY,
              READ_KEYS_FORBIDDEN),
          // B's own workspace in the path, A's member, invitation or key as the object
          new Row("PATCH", WS_B + "/members/{A.member}", ROLE_ADMIN, Guard.USER, MEMBER_FORBIDDEN),
          new Row("DELETE", WS_B + "/members/{A.member}", null, Guard.USER, MEMBER_FORBIDDEN),
          new Row(
              "POST",
              WS_B + "/transfer-ownership",
              "{\"userId\":\"{A.member}\"}",
              Guard.USER,
              MEMBER_FORBIDDEN),
          new Row("DELETE", WS_B + "/invitations/{A.inv}", null, Guard.USER, MEMBER_FORBIDDEN),
          new Row(
              "POST", WS_B + "/api-keys/{A.key.write}/rotate", null, Guard.USER, MEMBER_FORBIDDEN),
          new Row("DELETE", WS_B + "/api-keys/{A.key.write}", null, Guard.USER, MEMBER_FORBIDDEN),
          new Row("GET", WS_B + SERVER_A, null, Guard.USER_OR_KEY, SETTINGS_FORBIDDEN),
          new Row("DELETE", WS_B + SERVER_A, null, Guard.USER_OR_KEY, SETTINGS_FORBIDDEN),
          new Row("GET", WS_B + SERVER_A + "/models", null, Guard.USER_OR_KEY, SETTINGS_FORBIDDEN),
          new Row(
              "POST",
              WS_B + SERVER_A + "/models?name=beta-bot",
              "{}",
              Guard.USER_OR_KEY,
              SETTINGS_FORBIDDEN),
          new Row(
              "GET",
              WS_B + "/model-uploads/{A.upload}",
              null,
              Guard.USER_OR_KEY,
              SETTINGS_FORBIDDEN),
          new Row(
              "PUT",
              WS_B + "/providers",
              "[{\"type\":\"ollama\",\"model\":\"beta-bot\",\"serverId\":\"{A.server}\"}]",
              Guard.USER_OR_KEY,
              NOT_B_SERVER),
          // the widget: B's visitor token on A's conversation, by every combination of keys
          new Row(
              "GET",
              "/api/v1/widget/{A.widget}/conversations/{A.conv}/messages",
              null,
              Guard.VISITOR),
          new Row(
              "POST",
              "/api/v1/widget/{A.widget}/conversations/{A.conv}/messages",
              "{\"text\":\"beta was here\"}",
              Guard.VISITOR),
          new Row(
              "GET",
              "/api/v1/widget/{B.widget}/conversations/{A.conv}/messages",
              null,
              Guard.VISITOR),
          new Row(
              "POST",
              "/api/v1/widget/{B.widget}/conversations/{A.conv}/messages",
              "{\"text\":\"beta was here\"}",
              Guard.VISITOR),
          new Row("PATCH", VISITOR_A + "/messages/{A.msg}", BETA_TEXT, Guard.VISITOR),
          new Row(
              "PUT",
              VISITOR_A + "/messages/{A.msg}/reaction",
              "{\"reaction\":\"down\"}",
              Guard.VISITOR),
          new Row("PUT", VISITOR_A + "/visitor", "{\"name\":\"beta\"}", Guard.VISITOR),
          new Row("POST", VISITOR_A + "/human", null, Guard.VISITOR),
          new Row("POST", VISITOR_A + "/receipts", SEEN_A, Guard.VISITOR),
          new Row(
              "GET",
              "/api/v1/widget/{A.widget}/conversations/{B.conv}/messages",
              null,
              Guard.VISITOR),
          new Row(
              "POST",
              "/api/v1/widget/{A.widget}/conversations/{B.conv}/messages",
              "{\"text\":\"beta was here\"}",
              Guard.VISITOR));

  @TestFactory
  @Order(1)
  Stream<DynamicTest> betaCannotReachAnythingOfAlpha() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Row row : ROWS) {
      for (Caller caller : Caller.values()) {
        Expected expected = row.expectedFor(caller);
        String name =
            "beta "
                + caller.name().toLowerCase(Locale.ROOT)
                + " → "
                + row.method()
                + " "
                + row.path()
                + " ⇒ "
                + expected;
        tests.add(dynamicTest(name, () -> check(row, caller, expected)));
      }
    }
    // Last: whatever beta tried, alpha is exactly as it was.
    tests.add(dynamicTest("alpha is untouched after the matrix", this::alphaIsUntouched));
    return tests.stream();
  }

  private void check(Row row, Caller caller, Expected expected) {
    ApiResponse response =
        call(app, row.method(), fill(row.path(), real()), fill(row.body(), real()), as(caller));
    assertEquals(expected.status(), response.status(), response.body());
    assertEquals(expected.code(), response.errorCode(), response.body());
    assertLeaksNothingOfAlpha(response);
    if (expected.status() == 404 || expected.status() == 403 || expected.status() == 400) {
      // A foreign object cannot be told from one that does not exist (nor named in a setting).
      ApiResponse ghost =
          call(
              app,
              row.method(),
              fill(row.path(), ghosts()),
              fill(row.body(), ghosts()),
              as(caller));
      assertEquals(
          List.of(ghost.status(), ghost.errorCode(), ghost.json().at("/error/message").asText()),
          List.of(
              response.status(),
              response.errorCode(),
              response.json().at("/error/message").asText()),
          "answer for alpha's object vs. a made-up id");
    }
  }

  private void alphaIsUntouched() {
    String bearer = alpha.owner().bearer();
    ApiResponse workspace =
        app.api().get("/api/v1/workspaces/" + alpha.workspaceId(), "Authorization", bearer);
    assertEquals(200, workspace.status(), workspace.body());
    assertEquals(alpha.widgetKey(), workspace.data().at("/workspace/widgetKey").asText());
    assertEquals(
        "Welcome to alpha Shop", workspace.data().at("/workspace/welcomeMessage").asText());

    assertEquals(
        Map.of(alpha.ownerId(), "owner", alpha.memberId(), "member"),
        Tenants.roles(app, alpha.owner(), alpha.workspaceId()));

    ApiResponse invitations =
        app.api()
            .get(
                "/api/v1/workspaces/" + alpha.workspaceId() + "/invitations",
                "Authorization",
                bearer);
    assertEquals(
        List.of(alpha.pendingInvitationId()),
        ids(invitations.data().path("invitations"), "/id"),
        invitations.body());

    ApiResponse keys =
        app.api()
            .get(
                "/api/v1/workspaces/" + alpha.workspaceId() + "/api-keys", "Authorization", bearer);
    JsonNode list = keys.data().path("apiKeys");
    assertEquals(Set.copyOf(alpha.keyIds().values()), Set.copyOf(ids(list, "/id")), keys.body());
    list.forEach(key -> assertEquals("active", key.path("status").asText(), key.toString()));
    for (String scope : Tenants.SCOPES) {
      ApiResponse withKey =
          app.api()
              .get(
                  "/api/v1/workspaces/" + alpha.workspaceId(),
                  "Authorization",
                  "Bearer " + alpha.keys().get(scope));
      assertEquals(200, withKey.status(), scope + ": " + withKey.body());
    }

    ApiResponse history =
        app.api()
            .get(
                "/api/v1/widget/"
                    + alpha.widgetKey()
                    + "/conversations/"
                    + alpha.conversationId()
                    + "/messages",
                "Authorization",
                "Bearer " + alpha.visitorToken());
    assertEquals(200, history.status(), history.body());
    assertEquals(
        2, history.data().size(), "the visitor's message and the reply only: " + history.body());
    assertFalse(history.body().contains("beta was here"), history.body());
    history.data().forEach(message -> assertFalse(message.has("editedAt"), message.toString()));
    history.data().forEach(message -> assertFalse(message.has("reaction"), message.toString()));

    // alpha's model server and upload job, each the only one of its list
    Map<String, String> models = Map.of("servers", alphaServer, "uploads", alphaUpload);
    models.forEach(
        (kind, id) -> {
          ApiResponse listed =
              app.api()
                  .get(
                      "/api/v1/workspaces/" + alpha.workspaceId() + "/model-" + kind,
                      "Authorization",
                      bearer);
          assertEquals(List.of(id), ids(listed.data().path(kind), "/id"), listed.body());
        });

    ApiResponse conversation =
        app.api().get("/api/v1/conversations/" + alpha.conversationId(), "Authorization", bearer);
    assertEquals("OPEN", conversation.data().path("status").asText(), conversation.body());
    assertFalse(conversation.data().path("aiPaused").asBoolean(), conversation.body());
    assertFalse(conversation.data().path("humanRequested").asBoolean(), conversation.body());
    assertEquals(0, conversation.data().path("visitor").size(), conversation.body());
    assertEquals(0, conversation.data().path("receipts").size(), conversation.body());
  }

  @Test
  @Order(2)
  void betasListsShowNothingOfAlpha() {
    // workspaces of beta's people
    for (var person : List.of(beta.owner(), beta.member())) {
      ApiResponse workspaces =
          app.api().get("/api/v1/workspaces", "Authorization", person.bearer());
      assertEquals(200, workspaces.status(), workspaces.body());
      assertEquals(List.of(beta.workspaceId()), ids(workspaces.data(), "/workspace/id"));
      assertLeaksNothingOfAlpha(workspaces);
    }

    // conversations through every key of beta, with and without the workspace parameter
    for (String scope : Tenants.SCOPES) {
      String secret = beta.keys().get(scope);
      List<ApiResponse> lists =
          List.of(
              app.api().get("/api/v1/conversations", "Authorization", "Bearer " + secret),
              app.api().get("/api/v1/conversations", "X-API-Key", secret),
              app.api()
                  .get(
                      "/api/v1/conversations?workspaceId=" + beta.workspaceId(),
                      "Authorization",
                      "Bearer " + secret));
      for (ApiResponse conversations : lists) {
        assertEquals(200, conversations.status(), scope + ": " + conversations.body());
        assertEquals(List.of(beta.conversationId()), ids(conversations.data(), "/id"));
        conversations
            .data()
            .forEach(c -> assertEquals(beta.workspaceId(), c.path("workspaceId").asText()));
        assertLeaksNothingOfAlpha(conversations);
      }
    }

    for (String scope : Tenants.SCOPES) {
      ApiResponse models =
          app.api().get("/api/v1/openai/models", "X-API-Key", beta.keys().get(scope));
      assertEquals(200, models.status(), scope + ": " + models.body());
      assertLeaksNothingOfAlpha(models);
    }

    String owner = beta.owner().bearer();
    ApiResponse conversations =
        app.api()
            .get("/api/v1/conversations?workspaceId=" + beta.workspaceId(), "Authorization", owner);
    assertEquals(List.of(beta.conversationId()), ids(conversations.data(), "/id"));
    assertLeaksNothingOfAlpha(conversations);

    ApiResponse messages =
        app.api()
            .get(
                "/api/v1/conversations/" + beta.conversationId() + "/messages",
                "Authorization",
                owner);
    assertEquals(200, messages.status(), messages.body());
    assertEquals(beta.visitorMessage(), messages.data().path(0).path("text").asText());
    assertLeaksNothingOfAlpha(messages);

    assertEquals(
        Set.of(beta.ownerId(), beta.memberId()),
        Tenants.roles(app, beta.owner(), beta.workspaceId()).keySet());
    ApiResponse members =
        app.api()
            .get("/api/v1/workspaces/" + beta.workspaceId() + "/members", "Authorization", owner);
    assertLeaksNothingOfAlpha(members);

    ApiResponse keys =
        app.api()
            .get("/api/v1/workspaces/" + beta.workspaceId() + "/api-keys", "Authorization", owner);
    assertEquals(
        Set.copyOf(beta.keyIds().values()), Set.copyOf(ids(keys.data().path("apiKeys"), "/id")));
    assertLeaksNothingOfAlpha(keys);

    ApiResponse invitations =
        app.api()
            .get(
                "/api/v1/workspaces/" + beta.workspaceId() + "/invitations",
                "Authorization",
                owner);
    assertEquals(
        List.of(beta.pendingInvitationId()), ids(invitations.data().path("invitations"), "/id"));
    assertLeaksNothingOfAlpha(invitations);

    ApiResponse history =
        app.api()
            .get(
                "/api/v1/widget/"
                    + beta.widgetKey()
                    + "/conversations/"
                    + beta.conversationId()
                    + "/messages",
                "Authorization",
                "Bearer " + beta.visitorToken());
    assertEquals(200, history.status(), history.body());
    assertLeaksNothingOfAlpha(history);
  }

  @Test
  @Order(3)
  void betaCannotAcceptAnInvitationMeantForAlpha() {
    String token = app.tokenFromMail("alpha-pending@example.com", "/invitations/accept");
    for (var person : List.of(beta.owner(), beta.member())) {
      ApiResponse accepted = Tenants.accept(app, person, token);
      assertEquals(400, accepted.status(), accepted.body());
      assertEquals("VALIDATION_ERROR", accepted.errorCode());
      assertLeaksNothingOfAlpha(accepted);
      ApiResponse workspaces =
          app.api().get("/api/v1/workspaces", "Authorization", person.bearer());
      assertEquals(List.of(beta.workspaceId()), ids(workspaces.data(), "/workspace/id"));
    }
    for (String scope : Tenants.SCOPES) {
      ApiResponse withKey =
          app.api()
              .post(
                  "/api/v1/invitations/accept",
                  "{\"token\":\"" + token + "\"}",
                  "Authorization",
                  "Bearer " + beta.keys().get(scope));
      assertEquals(401, withKey.status(), withKey.body());
    }
  }

  /** Nothing that identifies alpha's data appears anywhere in {@code response}. */
  private void assertLeaksNothingOfAlpha(ApiResponse response) {
    String body = response.body();
    List<String> secrets = new ArrayList<>(alphaFingerprints().values());
    assertAll(
        secrets.stream()
            .map(
                secret ->
                    () -> assertFalse(body.contains(secret), "leaks " + secret + ": " + body)));
  }

  private Map<String, String> alphaFingerprints() {
    Map<String, String> prints = new LinkedHashMap<>();
    prints.put("workspace", alpha.workspaceId());
    prints.put("widget", alpha.widgetKey());
    prints.put("conversation", alpha.conversationId());
    prints.put("message", alpha.visitorMessage());
    prints.put("owner", alpha.ownerId());
    prints.put("member", alpha.memberId());
    prints.put("ownerEmail", alpha.ownerEmail());
    prints.put("memberEmail", alpha.memberEmail());
    prints.put("invitation", alpha.pendingInvitationId());
    prints.put("workspaceName", "alpha Shop");
    alpha.keyIds().forEach((scope, id) -> prints.put("keyId." + scope, id));
    prints.put("modelServer", alphaServer);
    prints.put("modelUpload", alphaUpload);
    return prints;
  }

  private String[] as(Caller caller) {
    return switch (caller) {
      case OWNER -> new String[] {"Authorization", beta.owner().bearer()};
      case MEMBER -> new String[] {"Authorization", beta.member().bearer()};
      case READ_KEY, WRITE_KEY, ADMIN_KEY ->
          new String[] {"Authorization", "Bearer " + beta.keys().get(caller.scope())};
      case READ_KEY_HEADER, WRITE_KEY_HEADER, ADMIN_KEY_HEADER ->
          new String[] {"X-API-Key", beta.keys().get(caller.scope())};
      case VISITOR -> new String[] {"Authorization", "Bearer " + beta.visitorToken()};
    };
  }

  /** The placeholders filled with the real ids. */
  private Map<String, String> real() {
    Map<String, String> values = new LinkedHashMap<>();
    put(values, "A", alpha);
    put(values, "B", beta);
    values.put("A.server", alphaServer);
    values.put("A.upload", alphaUpload);
    return values;
  }

  /** The placeholders with A's ids replaced by ids of the same shape that name nothing. */
  private Map<String, String> ghosts() {
    Map<String, String> values = real();
    values.replaceAll(
        (placeholder, id) ->
            placeholder.startsWith("A.") ? new StringBuilder(id).reverse() + "0" : id);
    return values;
  }

  private static void put(Map<String, String> values, String side, Tenant tenant) {
    values.put(side + ".ws", tenant.workspaceId());
    values.put(side + ".conv", tenant.conversationId());
    values.put(side + ".widget", tenant.widgetKey());
    values.put(side + ".owner", tenant.ownerId());
    values.put(side + ".member", tenant.memberId());
    values.put(side + ".inv", tenant.pendingInvitationId());
    values.put(side + ".msg", tenant.visitorMessageId());
    tenant.keyIds().forEach((scope, id) -> values.put(side + ".key." + scope, id));
  }

  private static String fill(String template, Map<String, String> values) {
    if (template == null) {
      return null;
    }
    Matcher matcher = PLACEHOLDER.matcher(template);
    StringBuilder filled = new StringBuilder();
    while (matcher.find()) {
      String value = values.get(matcher.group(1));
      assertTrue(value != null, "unknown placeholder " + matcher.group());
      matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(filled);
    return filled.toString();
  }
}
