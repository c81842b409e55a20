package com.minichat.bootstrap.e2e;

import static com.minichat.bootstrap.e2e.IdentityApp.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.minichat.adapters.http.testing.ApiResponse;
import com.minichat.bootstrap.e2e.IdentityApp.Browser;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The refresh cookie, its rotation and reuse detection, and signing out. */
class SessionTest {
  @TempDir Path dataDir;

  private IdentityApp app;

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void theRefreshCookieIsHttpOnlyStrictAndScopedToAuth() {
    app = IdentityApp.start(dataDir);
    app.register("fon@example.com");

    ApiResponse login = app.login("fon@example.com", PASSWORD);

    List<String> attributes = attributes(IdentityApp.refreshSetCookie(login));
    assertTrue(attributes.getFirst().matches("mc_refresh=[A-Za-z0-9_-]{40,}"), attributes.get(0));
    assertTrue(attributes.contains("httponly"), attributes.toString());
    assertTrue(attributes.contains("samesite=strict"), attributes.toString());
    assertTrue(attributes.contains("path=/api/v1/auth"), attributes.toString());
    long maxAge =
        attributes.stream()
            .filter(attribute -> attribute.startsWith("max-age="))
            .mapToLong(attribute -> Long.parseLong(attribute.substring("max-age=".length())))
            .findFirst()
            .orElseThrow();
    long thirtyDays = Duration.ofDays(30).toSeconds();
    assertTrue(maxAge > thirtyDays - 60 && maxAge <= thirtyDays, "30 days: " + attributes);
    assertFalse(attributes.contains("secure"), "no Secure in development: " + attributes);
    assertFalse(login.body().contains(IdentityApp.refreshCookie(login)), "never in the body");
  }

  @Test
  void outsideDevelopmentTheCookieIsSecure() {
    app = IdentityApp.start(dataDir, "APP_ENV", "test");
    app.register("secure@example.com");

    ApiResponse login = app.login("secure@example.com", PASSWORD);

    assertTrue(
        attributes(IdentityApp.refreshSetCookie(login)).contains("secure"),
        IdentityApp.refreshSetCookie(login));
  }

  @Test
  void refreshRotatesTheCookieAndReuseRevokesTheWholeFamily() {
    app = IdentityApp.start(dataDir);
    Browser first = app.registerAndLogIn("gift@example.com");
    Browser otherDevice = app.logIn("gift@example.com", PASSWORD);

    Browser second = IdentityApp.browser(app.refresh(first.refreshToken()));
    assertNotEquals(first.refreshToken(), second.refreshToken());
    assertNotEquals(first.accessToken(), second.accessToken());
    assertEquals(200, app.me(second.bearer()).status());
    Browser third = IdentityApp.browser(app.refresh(second.refreshToken()));

    // an earlier token comes back: somebody kept a copy
    ApiResponse reused = app.refresh(first.refreshToken());
    assertEquals(401, reused.status(), reused.body());
    assertEquals("AUTHENTICATION_FAILED", reused.errorCode());
    assertTrue(
        attributes(IdentityApp.refreshSetCookie(reused)).contains("max-age=0"),
        "the refused cookie is cleared");
    ApiResponse newest = app.refresh(third.refreshToken());
    assertEquals(401, newest.status(), "the newest token of the family is revoked too");
    assertEquals("AUTHENTICATION_FAILED", newest.errorCode());
    assertEquals(401, app.refresh(second.refreshToken()).status());

    // another sign-in is another family and keeps working
    assertEquals(200, app.refresh(otherDevice.refreshToken()).status());
  }

  @Test
  void refreshWithoutOrWithAnUnknownCookieIsRefused() {
    app = IdentityApp.start(dataDir);

    ApiResponse without = app.api().post("/api/v1/auth/refresh", null);
    ApiResponse unknown = app.refresh("not-a-real-token");

    assertEquals(401, without.status());
    assertEquals("AUTHENTICATION_FAILED", without.errorCode());
    assertEquals(401, unknown.status());
  }

  @Test
  void aRefreshTokenExpiresAfterThirtyDays() {
    app = IdentityApp.start(dataDir);
    Browser browser = app.registerAndLogIn("old@example.com");

    app.clock.advance(Duration.ofDays(30).plusMinutes(1));

    assertEquals(401, app.refresh(browser.refreshToken()).status());
  }

  @Test
  void theAccessTokenLastsFifteenMinutesAndRefreshGivesANewOne() {
    app = IdentityApp.start(dataDir);
    Browser browser = app.registerAndLogIn("ton@example.com");

    app.clock.advance(Duration.ofMinutes(15).plusSeconds(1));

    assertEquals(401, app.me(browser.bearer()).status());
    Browser refreshed = IdentityApp.browser(app.refresh(browser.refreshToken()));
    assertEquals(200, app.me(refreshed.bearer()).status());
  }

  @Test
  void logoutEndsOnlyThisSession() {
    app = IdentityApp.start(dataDir);
    Browser laptop = app.registerAndLogIn("joy@example.com");
    Browser phone = app.logIn("joy@example.com", PASSWORD);

    ApiResponse logout = app.api().post("/api/v1/auth/logout", null, "Cookie", laptop.cookie());

    assertEquals(200, logout.status(), logout.body());
    assertTrue(logout.data().path("loggedOut").asBoolean());
    assertTrue(attributes(IdentityApp.refreshSetCookie(logout)).contains("max-age=0"));
    assertEquals(401, app.refresh(laptop.refreshToken()).status());
    assertEquals(200, app.refresh(phone.refreshToken()).status());
  }

  @Test
  void logoutEverywhereEndsEverySessionAndEveryAccessToken() {
    app = IdentityApp.start(dataDir);
    Browser laptop = app.registerAndLogIn("bee@example.com");
    Browser phone = app.logIn("bee@example.com", PASSWORD);
    assertEquals(200, app.me(phone.bearer()).status());

    ApiResponse logoutAll =
        app.api()
            .post(
                "/api/v1/auth/logout-all",
                null,
                "Authorization",
                laptop.bearer(),
                "Cookie",
                laptop.cookie());

    assertEquals(200, logoutAll.status(), logoutAll.body());
    assertEquals(401, app.me(laptop.bearer()).status(), "the caller's access token ends");
    assertEquals(401, app.me(phone.bearer()).status(), "so do the others'");
    assertEquals(401, app.refresh(laptop.refreshToken()).status());
    assertEquals(401, app.refresh(phone.refreshToken()).status());
    assertEquals(
        401,
        app.api().post("/api/v1/auth/logout-all", null, "Authorization", laptop.bearer()).status());
    // signing in again works
    assertEquals(200, app.me(app.logIn("bee@example.com", PASSWORD).bearer()).status());
  }

  /** The parts of a Set-Cookie header, attribute names and values in lower case. */
  static List<String> attributes(String setCookie) {
    String[] parts = setCookie.split(";");
    return Arrays.stream(parts)
        .map(String::strip)
        .map(part -> part.startsWith("mc_refresh=") ? part : part.toLowerCase(Locale.ROOT))
        .toList();
  }
}
