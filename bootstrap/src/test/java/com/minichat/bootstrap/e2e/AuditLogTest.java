package com.minichat.bootstrap.e2e;

import static com.minichat.bootstrap.e2e.IdentityApp.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.minichat.adapters.http.testing.ApiResponse;
import com.minichat.bootstrap.e2e.IdentityApp.Browser;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The security audit log: one's own events for users, everything for the platform admin. */
class AuditLogTest {
  private static final String ADMIN = "admin@example.com";
  private static final String ADMIN_PASSWORD = "Adm1n!Platform#Key";

  @TempDir Path dataDir;

  private IdentityApp app;
  private Browser alice;
  private Browser bob;

  @BeforeEach
  void start() {
    app = IdentityApp.start(dataDir, "ADMIN_EMAIL", ADMIN, "ADMIN_PASSWORD", ADMIN_PASSWORD);
    // a second between events keeps "newest first" unambiguous
    assertEquals(201, app.register("alice@example.com").status());
    tick();
    alice = app.logIn("alice@example.com", PASSWORD);
    tick();
    app.login("alice@example.com", "Wr0ng!Password#1");
    tick();
    assertEquals(201, app.register("bob@example.com").status());
    tick();
    bob = app.logIn("bob@example.com", PASSWORD);
    tick();
    app.login("bob@example.com", "Wr0ng!Password#1");
    tick();
    app.login("nobody@example.com", PASSWORD);
    tick();
  }

  private void tick() {
    app.clock.advance(Duration.ofSeconds(1));
  }

  @AfterEach
  void stop() {
    app.close();
  }

  @Test
  void aUserSeesOnlyTheirOwnEvents() {
    ApiResponse own = auditLog(alice, "");
    ApiResponse asked = auditLog(alice, "?userId=" + bob.userId());

    assertEquals(200, own.status(), own.body());
    assertEquals(List.of("LOGIN_FAILED", "LOGIN_SUCCEEDED", "REGISTERED"), types(own.data()));
    own.data().forEach(event -> assertEquals(alice.userId(), event.path("userId").asText()));
    JsonNode failed = own.data().path(0);
    assertEquals("127.0.0.1", failed.path("ip").asText());
    assertFalse(failed.path("userAgent").asText().isEmpty());
    assertEquals(3, own.json().at("/metadata/pagination/total").asInt());
    assertEquals(types(own.data()), types(asked.data()), "another user's id is ignored");
  }

  @Test
  void thePlatformAdminSeesEveryonePageByPage() {
    Browser admin = app.logIn(ADMIN, ADMIN_PASSWORD);

    ApiResponse first = auditLog(admin, "?page=1&pageSize=3");
    JsonNode pagination = first.json().at("/metadata/pagination");
    assertEquals(200, first.status(), first.body());
    assertEquals(1, pagination.path("page").asInt());
    assertEquals(3, pagination.path("pageSize").asInt());
    // alice: 3, bob: 3, the unknown e-mail: 1, the admin's sign-in: 1
    long total = pagination.path("total").asLong();
    assertEquals(8, total, first.body());
    assertEquals(3, first.data().size());

    List<JsonNode> all = new ArrayList<>();
    for (int page = 1; page <= 3; page++) {
      ApiResponse response = auditLog(admin, "?page=" + page + "&pageSize=3");
      assertEquals(page, response.json().at("/metadata/pagination/page").asInt());
      response.data().forEach(all::add);
    }
    assertEquals(8, all.size());
    Set<String> ids = new HashSet<>();
    Set<String> users = new HashSet<>();
    for (int i = 0; i < all.size(); i++) {
      ids.add(all.get(i).path("id").asText());
      users.add(all.get(i).path("userId").asText("none"));
      if (i > 0) {
        Instant newer = Instant.parse(all.get(i - 1).path("at").asText());
        Instant older = Instant.parse(all.get(i).path("at").asText());
        assertFalse(older.isAfter(newer), "newest first");
      }
    }
    assertEquals(8, ids.size(), "pages do not overlap");
    assertTrue(users.contains(alice.userId()) && users.contains(bob.userId()), users.toString());
    assertTrue(users.contains("none"), "the unknown e-mail's failure has no user");
    assertEquals(0, auditLog(admin, "?page=4&pageSize=3").data().size());

    ApiResponse onlyBob = auditLog(admin, "?userId=" + bob.userId());
    assertEquals(List.of("LOGIN_FAILED", "LOGIN_SUCCEEDED", "REGISTERED"), types(onlyBob.data()));
    onlyBob.data().forEach(event -> assertEquals(bob.userId(), event.path("userId").asText()));
  }

  @Test
  void theLogNeedsASignedInUserAndSanePages() {
    ApiResponse anonymous = app.api().get("/api/v1/audit-log");
    ApiResponse tooBig = auditLog(alice, "?pageSize=101");
    ApiResponse zero = auditLog(alice, "?page=0");

    assertEquals(401, anonymous.status());
    assertEquals("AUTHENTICATION_FAILED", anonymous.errorCode());
    assertEquals(400, tooBig.status(), tooBig.body());
    assertEquals(400, zero.status(), zero.body());
  }

  private ApiResponse auditLog(Browser browser, String query) {
    return app.api().get("/api/v1/audit-log" + query, "Authorization", browser.bearer());
  }

  private static List<String> types(JsonNode events) {
    List<String> types = new ArrayList<>();
    events.forEach(event -> types.add(event.path("type").asText()));
    return types;
  }
}
