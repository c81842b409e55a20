package com.minichat.bootstrap.e2e;

import static com.minichat.bootstrap.e2e.Tenants.call;
import static com.minichat.bootstrap.e2e.Tenants.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.minichat.adapters.http.testing.ApiResponse;
import com.minichat.bootstrap.e2e.IdentityApp.Browser;
import com.minichat.bootstrap.e2e.Tenants.Tenant;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a workspace API key may do, by scope, on its own workspace: the server-API endpoints answer
 * as the permission table says, every management endpoint refuses keys, and the key's life cycle
 * (revocation, expiry, rotation grace, rate limit) holds over HTTP.
 */
class ScopeMatrixTest {
  private static final String READ = "read";
  private static final String WRITE = "write";
  private static final String ADMIN = "admin";

  @TempDir Path dataDir;

  private IdentityApp app;

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  /** How a key travels. */
  enum Transport {
    BEARER,
    X_API_KEY;

    String[] headers(String secret) {
      return this == BEARER
          ? new String[] {"Authorization", "Bearer " + secret}
          : new String[] {"X-API-Key", secret};
    }
  }

  /** An endpoint that accepts keys and the status each scope gets. */
  record KeyRow(String method, String path, String body, Map<String, Integer> byScope) {}

  private static final Map<String, Integer> EVERY_SCOPE = Map.of(READ, 200, WRITE, 200, ADMIN, 200);

  /**
   * The server API: {@code {ws}} and {@code {conv}} are the key's own workspace and conversation.
   */
  static final List<KeyRow> KEY_ROWS =
      List.of(
          new KeyRow("GET", "/api/v1/workspaces/{ws}", null, EVERY_SCOPE),
          new KeyRow(
              "PATCH",
              "/api/v1/workspaces/{ws}",
              "{\"welcomeMessage\":\"Changed by a key\"}",
              Map.of(READ, 403, WRITE, 403, ADMIN, 200)),
          new KeyRow(
              "GET",
              "/api/v1/workspaces/{ws}/model-servers",
              null,
              Map.of(READ, 403, WRITE, 403, ADMIN, 200)),
          new KeyRow(
              "GET",
              "/api/v1/workspaces/{ws}/model-uploads",
              null,
              Map.of(READ, 403, WRITE, 403, ADMIN, 200)),
          new KeyRow("GET", "/api/v1/conversations", null, EVERY_SCOPE),
          new KeyRow("GET", "/api/v1/conversations?workspaceId={ws}", null, EVERY_SCOPE),
          new KeyRow("GET", "/api/v1/conversations/{conv}/messages", null, EVERY_SCOPE),
          new KeyRow("GET", "/api/v1/conversations/{conv}", null, EVERY_SCOPE),
          new KeyRow(
              "POST",
              "/api/v1/conversations/{conv}/receipts",
              "{\"kind\":\"delivered\",\"upTo\":\"{msg}\"}",
              EVERY_SCOPE),
          new KeyRow(
              "POST",
              "/api/v1/conversations/{conv}/messages",
              "{\"text\":\"From the CRM\"}",
              Map.of(READ, 403, WRITE, 201, ADMIN, 201)),
          new KeyRow(
              "PATCH",
              "/api/v1/conversations/{conv}",
              "{\"aiPaused\":false}",
              Map.of(READ, 403, WRITE, 200, ADMIN, 200)),
          // after the row above handed the conversation back to the bot
          new KeyRow(
              "POST",
              "/api/v1/chat",
              "{\"message\":\"From the CRM bot\",\"conversationId\":\"{conv}\"}",
              Map.of(READ, 403, WRITE, 200, ADMIN, 200)),
          new KeyRow("GET", "/api/v1/openai/models", null, EVERY_SCOPE),
          // last: every completion starts a conversation of its own
          new KeyRow(
              "POST",
              "/api/v1/openai/chat/completions",
              "{\"model\":\"minichat\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}",
              Map.of(READ, 403, WRITE, 200, ADMIN, 200)));

  /**
   * Endpoints for people only. They read the caller as a signed-in user, so a key — whatever its
   * scope, in either header — answers 401 AUTHENTICATION_FAILED: it is not an access token.
   */
  static final List<KeyRow> PEOPLE_ONLY_ROWS =
      List.of(
          new KeyRow("GET", "/api/v1/workspaces", null, Map.of()),
          new KeyRow("POST", "/api/v1/workspaces", "{\"name\":\"Made by a key\"}", Map.of()),
          new KeyRow("DELETE", "/api/v1/workspaces/{ws}", null, Map.of()),
          new KeyRow("POST", "/api/v1/workspaces/{ws}/restore", null, Map.of()),
          new KeyRow("POST", "/api/v1/workspaces/{ws}/widget-key/rotate", null, Map.of()),
          new KeyRow("GET", "/api/v1/workspaces/{ws}/members", null, Map.of()),
          new KeyRow(
              "PATCH",
              "/api/v1/workspaces/{ws}/members/{member}",
              "{\"role\":\"admin\"}",
              Map.of()),
          new KeyRow("DELETE", "/api/v1/workspaces/{ws}/members/{member}", null, Map.of()),
          new KeyRow(
              "POST",
              "/api/v1/workspaces/{ws}/transfer-ownership",
              "{\"userId\":\"{member}\"}",
              Map.of()),
          new KeyRow("GET", "/api/v1/workspaces/{ws}/invitations", null, Map.of()),
          new KeyRow(
              "POST",
              "/api/v1/workspaces/{ws}/invitations",
              "{\"email\":\"by-key@example.com\",\"role\":\"admin\"}",
              Map.of()),
          new KeyRow("DELETE", "/api/v1/workspaces/{ws}/invitations/{inv}", null, Map.of()),
          new KeyRow("GET", "/api/v1/workspaces/{ws}/api-keys", null, Map.of()),
          new KeyRow(
              "POST",
              "/api/v1/workspaces/{ws}/api-keys",
              "{\"name\":\"by key\",\"scope\":\"admin\"}",
              Map.of()),
          new KeyRow("POST", "/api/v1/workspaces/{ws}/api-keys/{key}/rotate", null, Map.of()),
          new KeyRow("DELETE", "/api/v1/workspaces/{ws}/api-keys/{key}", null, Map.of()),
          new KeyRow("POST", "/api/v1/invitations/accept", "{\"token\":\"whatever\"}", Map.of()),
          new KeyRow("GET", "/api/v1/me", null, Map.of()));

  @TestFactory
  Stream<DynamicTest> everyScopeGetsTheDocumentedAnswer() {
    app = IdentityApp.start(dataDir);
    Tenant tenant = Tenants.create(app, "scopes");
    List<DynamicTest> tests = new ArrayList<>();
    for (KeyRow row : KEY_ROWS) {
      for (String scope : Tenants.SCOPES) {
        for (Transport transport : Transport.values()) {
          int expected = row.byScope().get(scope);
          tests.add(
              dynamicTest(
                  scope
                      + " key ("
                      + transport
                      + ") → "
                      + row.method()
                      + " "
                      + row.path()
                      + " ⇒ "
                      + expected,
                  () -> {
                    ApiResponse response =
                        call(
                            app,
                            row.method(),
                            fill(row.path(), tenant),
                            fill(row.body(), tenant),
                            transport.headers(tenant.keys().get(scope)));
                    assertEquals(expected, response.status(), response.body());
                    if (expected == 403) {
                      assertEquals("FORBIDDEN", response.errorCode());
                    } else {
                      assertOwnData(row, tenant, response);
                    }
                    assertRateLimitHeaders(response, 1000);
                  }));
        }
      }
    }
    for (KeyRow row : PEOPLE_ONLY_ROWS) {
      for (String scope : Tenants.SCOPES) {
        for (Transport transport : Transport.values()) {
          tests.add(
              dynamicTest(
                  scope
                      + " key ("
                      + transport
                      + ") → "
                      + row.method()
                      + " "
                      + row.path()
                      + " ⇒ 401",
                  () -> {
                    ApiResponse response =
                        call(
                            app,
                            row.method(),
                            fill(row.path(), tenant),
                            fill(row.body(), tenant),
                            transport.headers(tenant.keys().get(scope)));
                    assertEquals(401, response.status(), response.body());
                    assertEquals("AUTHENTICATION_FAILED", response.errorCode());
                  }));
        }
      }
    }
    tests.add(
        dynamicTest(
            "the refused keys changed nothing",
            () -> {
              Browser owner = tenant.owner();
              ApiResponse keys =
                  app.api()
                      .get(
                          "/api/v1/workspaces/" + tenant.workspaceId() + "/api-keys",
                          "Authorization",
                          owner.bearer());
              JsonNode list = keys.data().path("apiKeys");
              assertEquals(Set.copyOf(tenant.keyIds().values()), Set.copyOf(ids(list, "/id")));
              list.forEach(key -> assertEquals("active", key.path("status").asText()));
              assertEquals(
                  Map.of(tenant.ownerId(), "owner", tenant.memberId(), "member"),
                  Tenants.roles(app, owner, tenant.workspaceId()));
              ApiResponse invitations =
                  app.api()
                      .get(
                          "/api/v1/workspaces/" + tenant.workspaceId() + "/invitations",
                          "Authorization",
                          owner.bearer());
              assertEquals(
                  List.of(tenant.pendingInvitationId()),
                  ids(invitations.data().path("invitations"), "/id"));
              ApiResponse workspaces =
                  app.api().get("/api/v1/workspaces", "Authorization", owner.bearer());
              assertEquals(List.of(tenant.workspaceId()), ids(workspaces.data(), "/workspace/id"));
              assertEquals(
                  tenant.widgetKey(),
                  workspaces.data().path(0).at("/workspace/widgetKey").asText());
            }));
    return tests.stream();
  }

  private static void assertOwnData(KeyRow row, Tenant tenant, ApiResponse response) {
    JsonNode data = response.data();
    if (row.path().contains("/model-")) {
      // the key's own workspace has no model servers or uploads yet
      assertEquals(0, data.elements().next().size(), response.body());
    } else if (row.path().startsWith("/api/v1/openai/")) {
      // OpenAI's format: a list of models or a completion, not the envelope
      assertEquals(
          row.method().equals("GET") ? "list" : "chat.completion",
          response.json().path("object").asText());
    } else if (row.path().equals("/api/v1/chat")) {
      assertEquals(tenant.conversationId(), data.path("conversationId").asText());
      assertEquals("AI", data.at("/reply/author").asText(), "the bot answered");
    } else if (row.path().startsWith("/api/v1/workspaces/")) {
      assertEquals(tenant.workspaceId(), data.at("/workspace/id").asText());
    } else if (data.isArray()) {
      if (row.path().endsWith("/messages")) {
        assertEquals(tenant.visitorMessage(), data.path(0).path("text").asText());
      } else {
        assertEquals(List.of(tenant.conversationId()), ids(data, "/id"));
      }
    } else if (row.path().endsWith("/messages")) {
      // a message the key posted into its own conversation
      assertEquals(tenant.conversationId(), data.path("conversationId").asText());
    } else {
      assertEquals(tenant.conversationId(), data.path("id").asText());
    }
  }

  @Test
  void aRevokedKeyStopsAtOnce() {
    app = IdentityApp.start(dataDir);
    Tenant tenant = Tenants.create(app, "revoke");
    String secret = tenant.keys().get(ADMIN);
    assertEquals(200, getWorkspace(tenant, Transport.BEARER, secret).status());

    ApiResponse revoked =
        call(
            app,
            "DELETE",
            "/api/v1/workspaces/"
                + tenant.workspaceId()
                + "/api-keys/"
                + tenant.keyIds().get(ADMIN),
            null,
            "Authorization",
            tenant.owner().bearer());
    assertEquals(200, revoked.status(), revoked.body());

    for (Transport transport : Transport.values()) {
      ApiResponse refused = getWorkspace(tenant, transport, secret);
      assertEquals(401, refused.status(), transport + ": " + refused.body());
      assertEquals("AUTHENTICATION_FAILED", refused.errorCode());
      ApiResponse conversations = app.api().get("/api/v1/conversations", transport.headers(secret));
      assertEquals(401, conversations.status(), conversations.body());
    }
    assertEquals("revoked", keyStatus(tenant, tenant.owner(), tenant.keyIds().get(ADMIN)));
    // the other keys are not affected
    assertEquals(200, getWorkspace(tenant, Transport.BEARER, tenant.keys().get(READ)).status());
  }

  @Test
  void aKeyIsExpiringInItsLastWeekAndExpiresAfter90DaysWithApiKeyExpired() {
    app = IdentityApp.start(dataDir);
    Tenant tenant = Tenants.create(app, "expiry");
    String secret = tenant.keys().get(READ);
    ApiResponse shortLived =
        Tenants.createKey(app, tenant.owner(), tenant.workspaceId(), "one day", READ, 1);
    String oneDay = shortLived.data().path("key").asText();

    app.clock.advance(Duration.ofDays(1).plusMinutes(1));
    ApiResponse dayOld = getWorkspace(tenant, Transport.BEARER, oneDay);
    assertEquals(401, dayOld.status(), dayOld.body());
    assertEquals("API_KEY_EXPIRED", dayOld.errorCode());

    app.clock.advance(Duration.ofDays(88));
    assertEquals(200, getWorkspace(tenant, Transport.BEARER, secret).status(), "day 89");
    Browser owner = app.logIn(tenant.ownerEmail(), IdentityApp.PASSWORD);
    assertEquals("expiring", keyStatus(tenant, owner, tenant.keyIds().get(READ)), "last week");

    app.clock.advance(Duration.ofDays(1));
    for (Transport transport : Transport.values()) {
      ApiResponse expired = getWorkspace(tenant, transport, secret);
      assertEquals(401, expired.status(), transport + ": " + expired.body());
      assertEquals("API_KEY_EXPIRED", expired.errorCode());
    }
    owner = app.logIn(tenant.ownerEmail(), IdentityApp.PASSWORD);
    assertEquals("expired", keyStatus(tenant, owner, tenant.keyIds().get(READ)));
  }

  @Test
  void aRotatedKeyKeepsWorkingFor24HoursThenStops() {
    app = IdentityApp.start(dataDir);
    Tenant tenant = Tenants.create(app, "rotate");
    String oldId = tenant.keyIds().get(WRITE);
    String old = tenant.keys().get(WRITE);

    ApiResponse rotated =
        call(
            app,
            "POST",
            "/api/v1/workspaces/" + tenant.workspaceId() + "/api-keys/" + oldId + "/rotate",
            null,
            "Authorization",
            tenant.owner().bearer());
    assertEquals(201, rotated.status(), rotated.body());
    String successor = rotated.data().path("key").asText();
    String successorId = rotated.data().at("/apiKey/id").asText();
    assertTrue(successor.startsWith("mc_live_") && !successor.equals(old), successor);
    assertEquals(WRITE, rotated.data().at("/apiKey/scope").asText());
    assertEquals("rotating", keyStatus(tenant, tenant.owner(), oldId));
    assertEquals(successorId, key(tenant, tenant.owner(), oldId).path("replacedBy").asText());
    ApiResponse again =
        call(
            app,
            "POST",
            "/api/v1/workspaces/" + tenant.workspaceId() + "/api-keys/" + oldId + "/rotate",
            null,
            "Authorization",
            tenant.owner().bearer());
    assertEquals(404, again.status(), "a rotating key cannot be rotated again: " + again.body());

    assertEquals(200, getWorkspace(tenant, Transport.BEARER, old).status());
    assertEquals(200, getWorkspace(tenant, Transport.BEARER, successor).status());

    app.clock.advance(Duration.ofHours(23).plusMinutes(59));
    assertEquals(200, getWorkspace(tenant, Transport.BEARER, old).status(), "after 23:59");
    assertEquals(200, getWorkspace(tenant, Transport.X_API_KEY, old).status(), "after 23:59");

    app.clock.advance(Duration.ofMinutes(2));
    for (Transport transport : Transport.values()) {
      ApiResponse stopped = getWorkspace(tenant, transport, old);
      assertEquals(401, stopped.status(), transport + ": " + stopped.body());
      assertEquals("API_KEY_EXPIRED", stopped.errorCode());
      assertEquals(200, getWorkspace(tenant, transport, successor).status());
    }
    Browser owner = app.logIn(tenant.ownerEmail(), IdentityApp.PASSWORD);
    assertEquals("expired", keyStatus(tenant, owner, oldId));
    assertEquals("active", keyStatus(tenant, owner, successorId));
  }

  @Test
  void keyRequestsCarryRateLimitHeadersAndAreRefusedPastTheBudget() {
    app = IdentityApp.start(dataDir, "API_KEY_RATE_LIMIT", "3/1h");
    Tenant tenant = Tenants.create(app, "budget");
    String secret = tenant.keys().get(READ);

    List<Integer> remaining = new ArrayList<>();
    for (Transport transport : List.of(Transport.BEARER, Transport.X_API_KEY, Transport.BEARER)) {
      ApiResponse response = getWorkspace(tenant, transport, secret);
      assertEquals(200, response.status(), response.body());
      assertRateLimitHeaders(response, 3);
      remaining.add(Integer.parseInt(response.header("RateLimit-Remaining")));
    }
    assertEquals(List.of(2, 1, 0), remaining, "both headers draw on the same budget");

    for (Transport transport : Transport.values()) {
      ApiResponse refused = getWorkspace(tenant, transport, secret);
      assertEquals(429, refused.status(), refused.body());
      assertEquals("RATE_LIMITED", refused.errorCode());
      long retryAfter = Long.parseLong(refused.header("Retry-After"));
      assertTrue(retryAfter > 0 && retryAfter <= 3600, "Retry-After " + retryAfter);
      assertEquals("3", refused.header("RateLimit-Limit"));
      assertEquals("0", refused.header("RateLimit-Remaining"));
    }
    ApiResponse conversations =
        app.api().get("/api/v1/conversations", Transport.BEARER.headers(secret));
    assertEquals(429, conversations.status(), "the budget is per key, not per endpoint");

    // another key of the same workspace has its own budget
    ApiResponse other = getWorkspace(tenant, Transport.BEARER, tenant.keys().get(WRITE));
    assertEquals(200, other.status(), other.body());
    assertEquals("2", other.header("RateLimit-Remaining"));

    app.clock.advance(Duration.ofHours(1).plusSeconds(1));
    ApiResponse nextHour = getWorkspace(tenant, Transport.BEARER, secret);
    assertEquals(200, nextHour.status(), nextHour.body());
    assertEquals("2", nextHour.header("RateLimit-Remaining"));
  }

  /**
   * {@code RateLimit-Reset} tells a client how long until the budget refills (the 429 answer says
   * so too); half-way through the window it must not still announce the whole window.
   */
  @Test
  void rateLimitResetCountsDownToTheEndOfTheWindow() {
    app = IdentityApp.start(dataDir, "API_KEY_RATE_LIMIT", "3/1h");
    Tenant tenant = Tenants.create(app, "reset");
    String secret = tenant.keys().get(READ);

    ApiResponse first = getWorkspace(tenant, Transport.BEARER, secret);
    long atStart = Long.parseLong(first.header("RateLimit-Reset"));
    assertTrue(atStart > 3590 && atStart <= 3600, "at the start of the window: " + atStart);

    app.clock.advance(Duration.ofMinutes(30));
    ApiResponse halfway = getWorkspace(tenant, Transport.BEARER, secret);
    long later = Long.parseLong(halfway.header("RateLimit-Reset"));
    assertTrue(later <= 1800, "30 minutes into the window RateLimit-Reset says " + later);
  }

  private ApiResponse getWorkspace(Tenant tenant, Transport transport, String secret) {
    return app.api().get("/api/v1/workspaces/" + tenant.workspaceId(), transport.headers(secret));
  }

  private JsonNode key(Tenant tenant, Browser owner, String keyId) {
    ApiResponse keys =
        app.api()
            .get(
                "/api/v1/workspaces/" + tenant.workspaceId() + "/api-keys",
                "Authorization",
                owner.bearer());
    assertEquals(200, keys.status(), keys.body());
    for (JsonNode key : keys.data().path("apiKeys")) {
      if (key.path("id").asText().equals(keyId)) {
        return key;
      }
    }
    throw new AssertionError("no key " + keyId + " in " + keys.body());
  }

  private String keyStatus(Tenant tenant, Browser owner, String keyId) {
    return key(tenant, owner, keyId).path("status").asText();
  }

  private static void assertRateLimitHeaders(ApiResponse response, int limit) {
    String limitHeader = response.header("RateLimit-Limit");
    String remaining = response.header("RateLimit-Remaining");
    String reset = response.header("RateLimit-Reset");
    assertNotNull(limitHeader, "RateLimit-Limit missing: " + response.headers().map());
    assertNotNull(remaining, "RateLimit-Remaining missing: " + response.headers().map());
    assertNotNull(reset, "RateLimit-Reset missing: " + response.headers().map());
    assertEquals(Integer.toString(limit), limitHeader);
    int left = Integer.parseInt(remaining);
    assertTrue(left >= 0 && left < limit, "RateLimit-Remaining " + left);
  }

  private static String fill(String template, Tenant tenant) {
    if (template == null) {
      return null;
    }
    Map<String, String> values = new LinkedHashMap<>();
    values.put("{ws}", tenant.workspaceId());
    values.put("{conv}", tenant.conversationId());
    values.put("{msg}", tenant.visitorMessageId());
    values.put("{member}", tenant.memberId());
    values.put("{inv}", tenant.pendingInvitationId());
    values.put("{key}", tenant.keyIds().get(READ));
    String filled = template;
    for (Map.Entry<String, String> value : values.entrySet()) {
      filled = filled.replace(value.getKey(), value.getValue());
    }
    return filled;
  }
}
