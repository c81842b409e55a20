package com.minichat.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.auth0.jwt.JWT;
import com.minichat.adapters.http.testing.ApiResponse;
import com.minichat.bootstrap.e2e.IdentityApp.Browser;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rotating the JWT signing key across restarts. */
class KeyRotationTest {
  private static final String NEW_SECRET = "rotated-jwt-secret-9876543210-ZYXWVUTSRQPONMLKJIHGF";

  @TempDir Path dataDir;

  private IdentityApp app;

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void tokensOfThePreviousKeyWorkWhileItIsListedAndStopWhenItIsDropped() {
    app = IdentityApp.start(dataDir);
    Browser before = app.registerAndLogIn("rotate@example.com");
    String widgetKey =
        app.api()
            .post("/api/v1/workspaces", "{\"name\":\"Rotating\"}", "Authorization", before.bearer())
            .data()
            .at("/workspace/widgetKey")
            .asText();
    ApiResponse started = app.api().post("/api/v1/widget/" + widgetKey + "/conversations", null);
    String conversation = started.data().path("conversationId").asText();
    String visitor = "Bearer " + started.data().path("visitorToken").asText();
    String messages =
        "/api/v1/widget/" + widgetKey + "/conversations/" + conversation + "/messages";

    // new key signs, the old one still verifies
    app.restart("JWT_SECRET", NEW_SECRET, "JWT_PREVIOUS_SECRETS", IdentityApp.JWT_SECRET);

    ApiResponse oldToken = app.me(before.bearer());
    assertEquals(200, oldToken.status(), oldToken.body());
    assertEquals(200, app.api().get(messages, "Authorization", visitor).status());
    Browser after = app.logIn("rotate@example.com", IdentityApp.PASSWORD);
    String oldKid = JWT.decode(before.accessToken()).getKeyId();
    String newKid = JWT.decode(after.accessToken()).getKeyId();
    assertNotEquals(oldKid, newKid, "new tokens name the new key");
    assertEquals(200, app.me(after.bearer()).status());
    // the refresh cookie is not a JWT and survives the rotation
    Browser refreshed = IdentityApp.browser(app.refresh(before.refreshToken()));
    assertEquals(newKid, JWT.decode(refreshed.accessToken()).getKeyId());

    // the old key dropped: what it signed is refused
    app.restart("JWT_SECRET", NEW_SECRET);

    ApiResponse dropped = app.me(before.bearer());
    assertEquals(401, dropped.status(), dropped.body());
    assertEquals("AUTHENTICATION_FAILED", dropped.errorCode());
    assertEquals(401, app.api().get(messages, "Authorization", visitor).status());
    assertEquals(200, app.me(after.bearer()).status());
  }

  @Test
  void withoutThePreviousKeyARestartWithANewSecretEndsOldTokens() {
    app = IdentityApp.start(dataDir);
    Browser before = app.registerAndLogIn("abrupt@example.com");

    app.restart("JWT_SECRET", NEW_SECRET);

    assertEquals(401, app.me(before.bearer()).status());
  }
}
