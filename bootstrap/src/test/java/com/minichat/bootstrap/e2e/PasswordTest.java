package com.minichat.bootstrap.e2e;

import static com.minichat.bootstrap.e2e.IdentityApp.PASSWORD;
import static com.minichat.bootstrap.e2e.RegistrationTest.issuesOf;
import static com.minichat.bootstrap.e2e.SessionTest.attributes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.minichat.adapters.http.testing.ApiResponse;
import com.minichat.bootstrap.e2e.IdentityApp.Browser;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Changing a password, its history, and resetting a forgotten one with the e-mailed link. */
class PasswordTest {
  private static final List<String> NEXT =
      List.of(
          "Kx7#mQ2!vLp9",
          "Rt4$wZ8@nBc3",
          "Hj6%yU1^sDf5",
          "Pq9&eW3*gTk7",
          "Mv2(aS5)xCn8",
          "Zb8!rY4#uJh6");

  @TempDir Path dataDir;

  private IdentityApp app;

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void theCurrentPasswordMustBeRight() {
    app = IdentityApp.start(dataDir);
    Browser browser = app.registerAndLogIn("ice@example.com");

    ApiResponse refused = change(browser, "Not!MyPassw0rd", NEXT.get(0));

    assertEquals(400, refused.status(), refused.body());
    assertEquals("VALIDATION_ERROR", refused.errorCode());
    assertEquals(List.of("is not your current password"), issuesOf(refused, "currentPassword"));
    assertEquals(200, app.login("ice@example.com", PASSWORD).status(), "nothing changed");
    assertEquals(200, app.me(browser.bearer()).status());
  }

  @Test
  void aChangeEndsOtherSessionsAndKeepsTheCallerSignedIn() {
    app = IdentityApp.start(dataDir);
    Browser caller = app.registerAndLogIn("mint@example.com");
    Browser other = app.logIn("mint@example.com", PASSWORD);

    ApiResponse changed = change(caller, PASSWORD, NEXT.get(0));

    Browser after = IdentityApp.browser(changed);
    assertNotEquals(caller.refreshToken(), after.refreshToken());
    assertEquals(200, app.me(after.bearer()).status(), "the returned access token works");
    assertEquals(401, app.me(caller.bearer()).status(), "access tokens from before end");
    assertEquals(401, app.me(other.bearer()).status());
    assertEquals(401, app.refresh(other.refreshToken()).status(), "the other session ended");
    assertEquals(200, app.refresh(after.refreshToken()).status(), "the new cookie works");
    assertEquals(401, app.login("mint@example.com", PASSWORD).status());
    assertEquals(200, app.login("mint@example.com", NEXT.get(0)).status());
    assertTrue(
        app.mailsTo("mint@example.com").getFirst().path("subject").asText().contains("password"),
        "a password-changed notice is e-mailed");
  }

  @Test
  void theLastFivePasswordsCannotBeReused() {
    app = IdentityApp.start(dataDir);
    Browser browser = app.registerAndLogIn("ohm@example.com");

    ApiResponse same = change(browser, PASSWORD, PASSWORD);
    assertEquals(400, same.status(), same.body());
    assertTrue(
        issuesOf(same, "newPassword").stream()
            .anyMatch(issue -> issue.startsWith("must not be your current")),
        same.body());

    // PASSWORD, then NEXT[0..4]: after five changes the current one and four earlier ones count
    String current = PASSWORD;
    for (int i = 0; i < 5; i++) {
      browser = IdentityApp.browser(change(browser, current, NEXT.get(i)));
      current = NEXT.get(i);
    }
    for (int i = 0; i < 5; i++) {
      ApiResponse reused = change(browser, current, NEXT.get(i));
      assertEquals(400, reused.status(), "password " + i + " is among the last five");
      assertEquals(
          List.of("must not be your current password or one of your recent ones"),
          issuesOf(reused, "newPassword"));
    }
    Browser back = IdentityApp.browser(change(browser, current, PASSWORD));
    assertEquals(200, app.me(back.bearer()).status(), "the sixth one back may be used again");
  }

  @Test
  void aForgottenPasswordIsResetWithTheEmailedLinkOnce() {
    app = IdentityApp.start(dataDir);
    Browser before = app.registerAndLogIn("nam@example.com");

    ApiResponse known = forgot("nam@example.com");
    ApiResponse unknown = forgot("nobody@example.com");

    assertEquals(202, known.status(), known.body());
    assertEquals(202, unknown.status(), unknown.body());
    assertEquals(known.data(), unknown.data(), "known and unknown addresses answer alike");
    assertTrue(app.mailsTo("nobody@example.com").isEmpty());
    String token = app.tokenFromMail("nam@example.com", "/reset-password");

    // a rejected new password does not spend the link
    ApiResponse weak = reset(token, "weak");
    assertEquals(400, weak.status());
    assertTrue(issuesOf(weak, "newPassword").size() > 1, weak.body());

    ApiResponse done = reset(token, NEXT.get(0));
    assertEquals(200, done.status(), done.body());
    assertTrue(done.data().path("passwordReset").asBoolean());
    assertTrue(attributes(IdentityApp.refreshSetCookie(done)).contains("max-age=0"));
    assertEquals(401, app.me(before.bearer()).status(), "every session ends");
    assertEquals(401, app.refresh(before.refreshToken()).status());
    assertEquals(401, app.login("nam@example.com", PASSWORD).status());
    assertEquals(200, app.login("nam@example.com", NEXT.get(0)).status());

    ApiResponse again = reset(token, NEXT.get(1));
    assertEquals(400, again.status(), "the link works once");
    assertEquals("token", again.json().at("/error/details/0/field").asText());
  }

  @Test
  void theResetLinkLastsOneHourAndOnlyTheNewestCounts() {
    app = IdentityApp.start(dataDir);
    app.register("bank@example.com");
    forgot("bank@example.com");
    String older = app.tokenFromMail("bank@example.com", "/reset-password");
    forgot("bank@example.com");
    String newer = app.tokenFromMail("bank@example.com", "/reset-password");
    assertNotEquals(older, newer);
    assertEquals(400, reset(older, NEXT.get(0)).status(), "a newer e-mail replaces the link");

    app.clock.advance(Duration.ofMinutes(61));
    ApiResponse expired = reset(newer, NEXT.get(0));
    assertEquals(400, expired.status(), expired.body());
    assertEquals("token", expired.json().at("/error/details/0/field").asText());

    forgot("bank@example.com");
    String fresh = app.tokenFromMail("bank@example.com", "/reset-password");
    app.clock.advance(Duration.ofMinutes(59));
    assertEquals(200, reset(fresh, NEXT.get(0)).status(), "within the hour");
  }

  @Test
  void resetRequestsAreLimitedPerIp() {
    app = IdentityApp.start(dataDir, "PASSWORD_RESET_RATE_LIMIT", "2/1h");

    forgot("a@example.com");
    forgot("b@example.com");
    ApiResponse limited = forgot("c@example.com");

    assertEquals(429, limited.status());
    assertEquals("RATE_LIMITED", limited.errorCode());
    assertEquals("2", limited.header("RateLimit-Limit"));
  }

  private ApiResponse change(Browser browser, String current, String next) {
    return app.api()
        .post(
            "/api/v1/auth/password/change",
            "{\"currentPassword\":\"" + current + "\",\"newPassword\":\"" + next + "\"}",
            "Authorization",
            browser.bearer(),
            "Cookie",
            browser.cookie());
  }

  private ApiResponse forgot(String email) {
    return app.api().post("/api/v1/auth/password/forgot", "{\"email\":\"" + email + "\"}");
  }

  private ApiResponse reset(String token, String newPassword) {
    return app.api()
        .post(
            "/api/v1/auth/password/reset",
            "{\"token\":\"" + token + "\",\"newPassword\":\"" + newPassword + "\"}");
  }
}
