package com.minichat.bootstrap.e2e;

import static com.minichat.bootstrap.e2e.IdentityApp.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.minichat.adapters.http.testing.ApiResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sign-up, the password rules, e-mail verification and its rate-limited re-sending. */
class RegistrationTest {
  @TempDir Path dataDir;

  private IdentityApp app;

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void anExistingEmailGetsTheSameAnswerAndNothingChanges() {
    app = IdentityApp.start(dataDir);

    ApiResponse first = app.register("mali@example.com", PASSWORD, "Mali");
    ApiResponse again = app.register("Mali@Example.com", "An0ther!Secret#Phrase", "Someone Else");

    assertEquals(201, first.status(), first.body());
    assertEquals(201, again.status(), again.body());
    JsonNode firstUser = first.data().path("user");
    JsonNode againUser = again.data().path("user");
    assertEquals("mali@example.com", firstUser.path("email").asText());
    assertEquals("mali@example.com", againUser.path("email").asText());
    assertEquals(fieldNames(firstUser), fieldNames(againUser));
    assertFalse(againUser.path("emailVerified").asBoolean());
    assertFalse(againUser.path("twoFactorEnabled").asBoolean());
    // nothing was stored or sent for the second sign-up
    assertEquals(1, app.mailsTo("mali@example.com").size());
    assertEquals(200, app.login("mali@example.com", PASSWORD).status());
    assertEquals(401, app.login("mali@example.com", "An0ther!Secret#Phrase").status());
  }

  @Test
  void everyBrokenPasswordRuleIsListed() {
    app = IdentityApp.start(dataDir);

    ApiResponse weak = app.register("somchai@example.com", "somchai", "Somchai Jaidee");

    assertEquals(400, weak.status(), weak.body());
    assertEquals("VALIDATION_ERROR", weak.errorCode());
    List<String> issues = issuesOf(weak, "password");
    assertTrue(issues.contains("must be at least 8 characters"), issues.toString());
    assertTrue(issues.contains("must contain an upper-case letter"), issues.toString());
    assertTrue(issues.contains("must contain a digit"), issues.toString());
    assertTrue(issues.contains("must contain a symbol such as ! # or -"), issues.toString());
    assertTrue(issues.contains("must not contain your e-mail address or name"), issues.toString());
    assertTrue(
        issues.contains("is too easy to guess; make it longer or less predictable"),
        issues.toString());

    ApiResponse common = app.register("nok@example.com", "Password", "Nok");
    assertEquals(400, common.status(), common.body());
    assertTrue(
        issuesOf(common, "password").contains("is too common; choose another"), common.body());

    ApiResponse badEmail = app.register("not-an-email", "x", "Nok");
    assertEquals(400, badEmail.status());
    assertFalse(issuesOf(badEmail, "email").isEmpty(), badEmail.body());
    assertTrue(issuesOf(badEmail, "password").size() >= 4, badEmail.body());
    assertTrue(app.mailsTo("somchai@example.com").isEmpty());
  }

  @Test
  void theEmailedLinkVerifiesTheAddressOnce() {
    app = IdentityApp.start(dataDir);
    IdentityApp.Browser browser = app.registerAndLogIn("pim@example.com");
    assertFalse(app.me(browser.bearer()).data().at("/user/emailVerified").asBoolean());

    JsonNode mail = app.mailsTo("pim@example.com").getFirst();
    assertTrue(mail.path("subject").asText().contains("Confirm"), mail.toString());
    String token = app.tokenFromMail("pim@example.com", "/verify-email");

    ApiResponse verified = app.api().post("/api/v1/auth/verify-email", tokenJson(token));
    assertEquals(200, verified.status(), verified.body());
    assertTrue(verified.data().path("emailVerified").asBoolean());
    assertTrue(app.me(browser.bearer()).data().at("/user/emailVerified").asBoolean());

    ApiResponse reused = app.api().post("/api/v1/auth/verify-email", tokenJson(token));
    assertEquals(400, reused.status(), reused.body());
    assertEquals("VALIDATION_ERROR", reused.errorCode());
    assertEquals("token", reused.json().at("/error/details/0/field").asText());
    ApiResponse forged = app.api().post("/api/v1/auth/verify-email", tokenJson("0".repeat(64)));
    assertEquals(400, forged.status());
  }

  @Test
  void theVerificationLinkLastsOneDay() {
    app = IdentityApp.start(dataDir);
    app.register("late@example.com");
    String token = app.tokenFromMail("late@example.com", "/verify-email");

    app.clock.advance(Duration.ofHours(24).plusMinutes(1));

    ApiResponse expired = app.api().post("/api/v1/auth/verify-email", tokenJson(token));
    assertEquals(400, expired.status(), expired.body());
    assertEquals("token", expired.json().at("/error/details/0/field").asText());
  }

  @Test
  void resendingIsLimitedPerIpWithRateLimitHeaders() {
    app = IdentityApp.start(dataDir, "VERIFICATION_RESEND_RATE_LIMIT", "2/1h");
    app.register("kai@example.com");
    String original = app.tokenFromMail("kai@example.com", "/verify-email");

    ApiResponse first = resend("kai@example.com");
    ApiResponse unknown = resend("nobody@example.com");
    ApiResponse limited = resend("kai@example.com");

    assertEquals(202, first.status(), first.body());
    assertEquals(202, unknown.status(), unknown.body());
    assertEquals(first.data(), unknown.data(), "known and unknown addresses answer alike");
    assertEquals(429, limited.status(), limited.body());
    assertEquals("RATE_LIMITED", limited.errorCode());
    long retryAfter = Long.parseLong(limited.header("Retry-After"));
    assertTrue(retryAfter > 3500 && retryAfter <= 3600, "Retry-After " + retryAfter);
    assertEquals("2", limited.header("RateLimit-Limit"));
    assertEquals("0", limited.header("RateLimit-Remaining"));
    assertEquals(limited.header("Retry-After"), limited.header("RateLimit-Reset"));
    assertEquals(2, app.mailsTo("kai@example.com").size(), "sign-up mail and one re-send");
    assertTrue(app.mailsTo("nobody@example.com").isEmpty());

    // only the newest link counts
    String resent = app.tokenFromMail("kai@example.com", "/verify-email");
    assertNotEquals(original, resent);
    assertEquals(400, app.api().post("/api/v1/auth/verify-email", tokenJson(original)).status());

    app.clock.advance(Duration.ofHours(1));
    assertEquals(202, resend("kai@example.com").status());
    String newest = app.tokenFromMail("kai@example.com", "/verify-email");
    assertEquals(200, app.api().post("/api/v1/auth/verify-email", tokenJson(newest)).status());
    // a verified address gets no more verification mails
    assertEquals(202, resend("kai@example.com").status());
    assertEquals(3, app.mailsTo("kai@example.com").size());
  }

  private ApiResponse resend(String email) {
    return app.api().post("/api/v1/auth/verify-email/resend", "{\"email\":\"" + email + "\"}");
  }

  static String tokenJson(String token) {
    return "{\"token\":\"" + token + "\"}";
  }

  static List<String> issuesOf(ApiResponse response, String field) {
    List<String> issues = new ArrayList<>();
    response
        .json()
        .at("/error/details")
        .forEach(
            detail -> {
              if (detail.path("field").asText().equals(field)) {
                issues.add(detail.path("issue").asText());
              }
            });
    return issues;
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
