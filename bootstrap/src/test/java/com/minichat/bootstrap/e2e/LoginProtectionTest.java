package com.minichat.bootstrap.e2e;

import static com.minichat.bootstrap.e2e.IdentityApp.PASSWORD;
import static com.minichat.bootstrap.e2e.RegistrationTest.tokenJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.minichat.adapters.http.testing.ApiResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sign-in attempts per IP, account lockout without enumeration, and the unlock link. */
class LoginProtectionTest {
  private static final String WRONG = "Wr0ng!Password#1";

  @TempDir Path dataDir;

  private IdentityApp app;

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  /** What a failed sign-in tells the caller: status, code and message. */
  private record Refusal(int status, String code, String message) {
    static Refusal of(ApiResponse response) {
      return new Refusal(
          response.status(), response.errorCode(), response.json().at("/error/message").asText());
    }
  }

  @Test
  void signInAttemptsAreLimitedPerIp() {
    app = IdentityApp.start(dataDir, "LOGIN_RATE_LIMIT", "3/1h");
    app.register("lek@example.com");

    assertEquals(200, app.login("lek@example.com", PASSWORD).status());
    assertEquals(401, app.login("lek@example.com", WRONG).status());
    assertEquals(401, app.login("nobody@example.com", PASSWORD).status());
    ApiResponse limited = app.login("lek@example.com", PASSWORD);

    assertEquals(429, limited.status(), limited.body());
    assertEquals("RATE_LIMITED", limited.errorCode());
    assertNull(IdentityApp.refreshCookie(limited));
    long retryAfter = Long.parseLong(limited.header("Retry-After"));
    assertTrue(retryAfter > 3500 && retryAfter <= 3600, "Retry-After " + retryAfter);
    assertEquals("3", limited.header("RateLimit-Limit"));
    assertEquals("0", limited.header("RateLimit-Remaining"));
    assertEquals(limited.header("Retry-After"), limited.header("RateLimit-Reset"));

    app.clock.advance(Duration.ofHours(1));
    assertEquals(200, app.login("lek@example.com", PASSWORD).status());
  }

  @Test
  void fiveFailuresLockTheAccountAndNoAnswerRevealsWhy() {
    app = IdentityApp.start(dataDir);
    app.register("nid@example.com");

    Refusal unknown = Refusal.of(app.login("nobody@example.com", PASSWORD));
    Refusal wrong = Refusal.of(app.login("nid@example.com", WRONG));
    for (int i = 2; i <= 4; i++) {
      assertEquals(wrong, Refusal.of(app.login("nid@example.com", WRONG)), "failure " + i);
    }
    assertEquals(0, lockMails("nid@example.com"), "not locked before the fifth failure");
    assertEquals(wrong, Refusal.of(app.login("nid@example.com", WRONG)), "failure 5");
    ApiResponse lockedResponse = app.login("nid@example.com", PASSWORD);
    Refusal locked = Refusal.of(lockedResponse);

    assertEquals(new Refusal(401, "AUTHENTICATION_FAILED", wrong.message()), wrong);
    assertEquals(wrong, unknown);
    assertEquals(wrong, locked, "the right password on a locked account answers the same");
    assertNull(IdentityApp.refreshCookie(lockedResponse));
    assertEquals(1, lockMails("nid@example.com"));

    // the unlock link from the e-mail lifts the lock, once
    String token = app.tokenFromMail("nid@example.com", "/unlock");
    ApiResponse unlocked = app.api().post("/api/v1/auth/unlock", tokenJson(token));
    assertEquals(200, unlocked.status(), unlocked.body());
    assertTrue(unlocked.data().path("unlocked").asBoolean());
    assertEquals(200, app.login("nid@example.com", PASSWORD).status());
    assertEquals(400, app.api().post("/api/v1/auth/unlock", tokenJson(token)).status());
  }

  @Test
  void aLockEndsByItselfAfterFifteenMinutesAndTheNextOneLastsTwiceAsLong() {
    app = IdentityApp.start(dataDir);
    app.register("ploy@example.com");
    failFiveTimes("ploy@example.com");

    app.clock.advance(Duration.ofMinutes(14));
    assertEquals(401, app.login("ploy@example.com", PASSWORD).status(), "still locked");
    app.clock.advance(Duration.ofMinutes(1).plusSeconds(1));
    assertEquals(200, app.login("ploy@example.com", PASSWORD).status(), "lock over");

    failFiveTimes("ploy@example.com");
    app.clock.advance(Duration.ofMinutes(29));
    assertEquals(401, app.login("ploy@example.com", PASSWORD).status(), "second lock: 30 min");
    app.clock.advance(Duration.ofMinutes(1).plusSeconds(1));
    assertEquals(200, app.login("ploy@example.com", PASSWORD).status());
    assertEquals(2, lockMails("ploy@example.com"));
  }

  @Test
  void aSuccessfulSignInResetsTheFailureCount() {
    app = IdentityApp.start(dataDir);
    app.register("toon@example.com");

    for (int i = 0; i < 4; i++) {
      app.login("toon@example.com", WRONG);
    }
    assertEquals(200, app.login("toon@example.com", PASSWORD).status());
    for (int i = 0; i < 4; i++) {
      app.login("toon@example.com", WRONG);
    }

    assertEquals(200, app.login("toon@example.com", PASSWORD).status());
    assertEquals(0, lockMails("toon@example.com"));
  }

  private void failFiveTimes(String email) {
    for (int i = 0; i < 5; i++) {
      assertEquals(401, app.login(email, WRONG).status());
    }
  }

  private long lockMails(String email) {
    List<String> links =
        app.mailsTo(email).stream()
            .map(mail -> mail.path("text").asText())
            .filter(text -> text.contains(IdentityApp.BASE_URL + "/unlock?token="))
            .toList();
    return links.size();
  }
}
