package com.minichat.bootstrap.e2e;

import static com.minichat.bootstrap.e2e.IdentityApp.PASSWORD;
import static com.minichat.bootstrap.e2e.RegistrationTest.issuesOf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.minichat.adapters.http.testing.ApiResponse;
import com.minichat.adapters.security.TotpOneTimePasswords;
import com.minichat.bootstrap.e2e.IdentityApp.Browser;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TOTP setup, sign-in with a code or a recovery code, and turning 2FA off. */
class TwoFactorTest {
  private static final String EMAIL = "tfa@example.com";

  @TempDir Path dataDir;

  private IdentityApp app;

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void setUpSignInWithCodesAndTurnOff() {
    app = IdentityApp.start(dataDir);
    Browser browser = app.registerAndLogIn(EMAIL);

    // setup: secret, otpauth URI and QR code
    ApiResponse setup = post("/api/v1/auth/2fa/setup", null, browser);
    assertEquals(200, setup.status(), setup.body());
    String secret = setup.data().path("secret").asText();
    assertTrue(secret.matches("[A-Z2-7]{32}"), secret);
    assertEquals(
        "otpauth://totp/MiniChat:tfa%40example.com?secret="
            + secret
            + "&issuer=MiniChat&algorithm=SHA1&digits=6&period=30",
        setup.data().path("otpauthUri").asText());
    String qrCode = setup.data().path("qrCode").asText();
    assertTrue(qrCode.startsWith("data:image/png;base64,"), qrCode);
    byte[] png = Base64.getDecoder().decode(qrCode.substring("data:image/png;base64,".length()));
    assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4));
    assertFalse(app.me(browser.bearer()).data().at("/user/twoFactorEnabled").asBoolean());

    // a wrong first code does not turn it on
    ApiResponse wrongFirst = post("/api/v1/auth/2fa/verify", code(wrongCode(secret)), browser);
    assertEquals(400, wrongFirst.status(), wrongFirst.body());
    assertEquals("code", wrongFirst.json().at("/error/details/0/field").asText());

    // verify with the current code: on, 10 recovery codes, new tokens for this session only
    ApiResponse verified = post("/api/v1/auth/2fa/verify", code(totp(secret)), browser);
    Browser enabled = IdentityApp.browser(verified);
    JsonNode recovery = verified.data().path("recoveryCodes");
    assertEquals(10, recovery.size());
    List<String> recoveryCodes = new ArrayList<>();
    recovery.forEach(node -> recoveryCodes.add(node.asText()));
    assertEquals(10, new HashSet<>(recoveryCodes).size(), "all different");
    recoveryCodes.forEach(c -> assertTrue(c.matches("[0-9A-F]{5}-[0-9A-F]{5}"), c));
    assertTrue(enabled.user().path("twoFactorEnabled").asBoolean());
    assertEquals(401, app.me(browser.bearer()).status(), "tokens from before end");
    assertEquals(200, app.me(enabled.bearer()).status());
    assertEquals(409, post("/api/v1/auth/2fa/setup", null, enabled).status());

    // sign-in now asks for the second step and sets no cookie yet
    ApiResponse challenge = app.login(EMAIL, PASSWORD);
    assertEquals(200, challenge.status(), challenge.body());
    assertTrue(challenge.data().path("mfaRequired").asBoolean());
    assertTrue(challenge.data().path("accessToken").isMissingNode());
    assertNull(IdentityApp.refreshCookie(challenge));
    String mfaToken = challenge.data().path("mfaToken").asText();

    ApiResponse wrong = secondStep(mfaToken, wrongCode(secret));
    assertEquals(401, wrong.status());
    assertEquals("AUTHENTICATION_FAILED", wrong.errorCode());

    // the activation used the current step; the next step's code signs in, once
    app.clock.advance(Duration.ofSeconds(30));
    String totp = totp(secret);
    Browser withCode = IdentityApp.browser(secondStep(mfaToken, totp));
    assertEquals(200, app.me(withCode.bearer()).status());
    ApiResponse replayed = secondStep(mfaChallenge(), totp);
    assertEquals(401, replayed.status(), "the same code again is refused");
    assertEquals("AUTHENTICATION_FAILED", replayed.errorCode());

    // a recovery code works once; case and dash do not matter
    Browser withRecovery = IdentityApp.browser(secondStep(mfaChallenge(), recoveryCodes.get(0)));
    assertEquals(200, app.me(withRecovery.bearer()).status());
    assertEquals(401, secondStep(mfaChallenge(), recoveryCodes.get(0)).status());
    String typed = recoveryCodes.get(1).replace("-", "").toLowerCase(Locale.ROOT);
    assertEquals(200, secondStep(mfaChallenge(), typed).status());

    // turning it off needs the password and a code
    app.clock.advance(Duration.ofSeconds(30));
    String offCode = totp(secret);
    ApiResponse noCode = disable(withRecovery, PASSWORD, wrongCode(secret));
    assertEquals(400, noCode.status(), noCode.body());
    assertEquals(List.of("is wrong or was already used"), issuesOf(noCode, "code"));
    ApiResponse noPassword = disable(withRecovery, "Not!MyPassw0rd", offCode);
    assertEquals(400, noPassword.status(), noPassword.body());
    assertEquals(List.of("is not your current password"), issuesOf(noPassword, "password"));
    assertTrue(issuesOf(noPassword, "code").isEmpty());

    Browser disabled = IdentityApp.browser(disable(withRecovery, PASSWORD, offCode));
    assertFalse(disabled.user().path("twoFactorEnabled").asBoolean());
    assertEquals(200, app.me(disabled.bearer()).status());
    assertEquals(401, app.me(withCode.bearer()).status(), "other sessions end");
    Browser plain = app.logIn(EMAIL, PASSWORD);
    assertFalse(plain.user().path("twoFactorEnabled").asBoolean());
    assertEquals(409, disable(plain, PASSWORD, offCode).status(), "already off");
  }

  @Test
  void theSecondStepMustFollowWithinFiveMinutes() {
    app = IdentityApp.start(dataDir);
    String secret = enable(app.registerAndLogIn(EMAIL));
    String mfaToken = mfaChallenge();

    app.clock.advance(Duration.ofMinutes(5).plusSeconds(30));

    ApiResponse late = secondStep(mfaToken, totp(secret));
    assertEquals(401, late.status(), late.body());
    assertEquals("AUTHENTICATION_FAILED", late.errorCode());
  }

  @Test
  void fiveWrongCodesOnOneChallengeLockTheAccount() {
    app = IdentityApp.start(dataDir);
    String secret = enable(app.registerAndLogIn(EMAIL));
    String mfaToken = mfaChallenge();

    for (int i = 0; i < 5; i++) {
      assertEquals(401, secondStep(mfaToken, wrongCode(secret)).status());
    }

    assertEquals(401, secondStep(mfaToken, totp(secret)).status(), "locked: even the right code");
    assertEquals(401, app.login(EMAIL, PASSWORD).status(), "locked: the password step too");
  }

  /**
   * Whoever knows the password must not get unlimited guesses at the second factor by starting a
   * new sign-in before each guess: passing the password step is not a successful sign-in, so it
   * must not reset the count of consecutive failures.
   */
  @Test
  void aNewPasswordStepDoesNotResetTheCountOfWrongCodes() {
    app = IdentityApp.start(dataDir);
    String secret = enable(app.registerAndLogIn(EMAIL));

    for (int i = 0; i < 5; i++) {
      assertEquals(401, secondStep(mfaChallenge(), wrongCode(secret)).status());
    }

    ApiResponse locked = app.login(EMAIL, PASSWORD);
    assertEquals(401, locked.status(), "locked after five wrong codes: " + locked.body());
  }

  @Test
  void aWorkspaceCanRequireTwoFactorOfItsMembers() {
    app = IdentityApp.start(dataDir);
    Browser owner = app.registerAndLogIn(EMAIL);
    ApiResponse created =
        app.api()
            .post(
                "/api/v1/workspaces",
                "{\"name\":\"Secure shop\"}",
                "Authorization",
                owner.bearer());
    String path = "/api/v1/workspaces/" + created.data().at("/workspace/id").asText();
    String require = "{\"requireTwoFactor\":true}";

    ApiResponse refused = app.api().patch(path, require, "Authorization", owner.bearer());
    assertEquals(400, refused.status(), refused.body());
    assertEquals("requireTwoFactor", refused.json().at("/error/details/0/field").asText());

    String secret = enable(owner);
    Browser withCode = IdentityApp.browser(secondStep(mfaChallenge(), totp(secret)));
    ApiResponse required = app.api().patch(path, require, "Authorization", withCode.bearer());
    assertTrue(required.data().at("/workspace/requireTwoFactor").asBoolean(), required.body());

    app.clock.advance(Duration.ofSeconds(30));
    Browser afterDisable = IdentityApp.browser(disable(withCode, PASSWORD, totp(secret)));
    ApiResponse forbidden = app.api().get(path, "Authorization", afterDisable.bearer());
    assertEquals(403, forbidden.status(), forbidden.body());
    assertEquals("FORBIDDEN", forbidden.errorCode());
  }

  /** Turns 2FA on and returns the secret. */
  private String enable(Browser browser) {
    String secret = post("/api/v1/auth/2fa/setup", null, browser).data().path("secret").asText();
    assertEquals(200, post("/api/v1/auth/2fa/verify", code(totp(secret)), browser).status());
    app.clock.advance(Duration.ofSeconds(30));
    return secret;
  }

  private String mfaChallenge() {
    ApiResponse challenge = app.login(EMAIL, PASSWORD);
    assertTrue(challenge.data().path("mfaRequired").asBoolean(), challenge.body());
    return challenge.data().path("mfaToken").asText();
  }

  private ApiResponse secondStep(String mfaToken, String code) {
    return app.api()
        .post(
            "/api/v1/auth/login/2fa",
            "{\"mfaToken\":\"" + mfaToken + "\",\"code\":\"" + code + "\"}");
  }

  private ApiResponse disable(Browser browser, String password, String code) {
    return post(
        "/api/v1/auth/2fa/disable",
        "{\"password\":\"" + password + "\",\"code\":\"" + code + "\"}",
        browser);
  }

  private ApiResponse post(String path, String json, Browser browser) {
    return app.api()
        .post(path, json, "Authorization", browser.bearer(), "Cookie", browser.cookie());
  }

  private String totp(String secret) {
    return TotpOneTimePasswords.code(secret, app.clock.instant());
  }

  /** A six-digit code that matches none of the steps around now. */
  private String wrongCode(String secret) {
    List<String> near = new ArrayList<>();
    for (int step = -1; step <= 1; step++) {
      near.add(TotpOneTimePasswords.code(secret, app.clock.instant().plusSeconds(30L * step)));
    }
    for (int candidate = 0; ; candidate++) {
      String code = String.format(Locale.ROOT, "%06d", candidate);
      if (!near.contains(code)) {
        return code;
      }
    }
  }

  private static String code(String code) {
    return "{\"code\":\"" + code + "\"}";
  }
}
