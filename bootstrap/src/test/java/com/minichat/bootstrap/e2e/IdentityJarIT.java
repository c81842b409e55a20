package com.minichat.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.minichat.adapters.http.testing.ApiClient;
import com.minichat.adapters.http.testing.ApiResponse;
import com.minichat.adapters.security.TotpOneTimePasswords;
import com.minichat.bootstrap.e2e.IdentityApp.Browser;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance script of the identity issue against the RUNNING JAR: {@code java -jar
 * target/minichat.jar} as its own process, e-mail over real SMTP into GreenMail. Sign up, verify
 * with the e-mailed link, sign in, turn 2FA on, sign in with a TOTP code, refresh, and see a reused
 * refresh token end the whole session.
 */
class IdentityJarIT {
  private static final Duration STARTUP = Duration.ofSeconds(90);
  private static final String EMAIL = "owner@example.com";
  private static final String PASSWORD = IdentityApp.PASSWORD;

  @RegisterExtension
  static final GreenMailExtension GREEN_MAIL =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  @TempDir Path work;

  @Test
  void theRunningJarTakesANewUserThroughSignUpTwoFactorAndRefreshReuse() throws Exception {
    Path jar = Path.of(System.getProperty("minichat.jar", "target/minichat.jar"));
    assertTrue(Files.isRegularFile(jar), jar.toAbsolutePath() + " missing; run mvn package first");
    int port = freePort();
    String base = "http://localhost:" + port;
    Path log = work.resolve("minichat.log");

    ProcessBuilder builder =
        new ProcessBuilder(javaExecutable(), "-jar", jar.toAbsolutePath().toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    // only what this script sets, whatever the developer's shell exports
    env.keySet().removeIf(name -> !List.of("PATH", "HOME", "LANG", "TZ").contains(name));
    env.put("APP_ENV", "development");
    env.put("HOST", "127.0.0.1");
    env.put("PORT", Integer.toString(port));
    env.put("DATA_DIR", work.resolve("data").toString());
    env.put("SMTP_URL", "smtp://127.0.0.1:" + GREEN_MAIL.getSmtp().getPort());
    env.put("SMTP_STARTTLS", "false");
    env.put("BCRYPT_COST", "4");
    Process process = builder.start();
    try {
      ApiClient api = new ApiClient(URI.create("http://127.0.0.1:" + port));
      awaitReady(api, process, log);
      script(api, base);
    } catch (AssertionError | RuntimeException e) {
      throw new AssertionError(e.getMessage() + "\n--- MiniChat log (tail) ---\n" + tail(log), e);
    } finally {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor();
      }
    }
  }

  private void script(ApiClient api, String base) throws Exception {
    // sign up; the verification mail arrives over SMTP
    ApiResponse registered =
        api.post(
            "/api/v1/auth/register",
            "{\"email\":\"" + EMAIL + "\",\"password\":\"" + PASSWORD + "\",\"name\":\"Owner\"}");
    assertEquals(201, registered.status(), registered.body());
    assertTrue(GREEN_MAIL.waitForIncomingEmail(30_000, 1), "no verification e-mail arrived");
    MimeMessage mail = GREEN_MAIL.getReceivedMessages()[0];
    assertEquals(EMAIL, ((InternetAddress) mail.getAllRecipients()[0]).getAddress());
    assertTrue(mail.getSubject().contains("Confirm"), mail.getSubject());
    String token = linkToken(mail, base + "/verify-email");

    ApiResponse verified = api.post("/api/v1/auth/verify-email", tokenJson(token));
    assertEquals(200, verified.status(), verified.body());
    assertEquals(400, api.post("/api/v1/auth/verify-email", tokenJson(token)).status());

    // sign in
    Browser browser = IdentityApp.browser(login(api));
    ApiResponse me = api.get("/api/v1/me", "Authorization", browser.bearer());
    assertTrue(me.data().at("/user/emailVerified").asBoolean(), me.body());

    // turn 2FA on with a code computed from the secret
    ApiResponse setup =
        api.post(
            "/api/v1/auth/2fa/setup",
            null,
            "Authorization",
            browser.bearer(),
            "Cookie",
            browser.cookie());
    assertEquals(200, setup.status(), setup.body());
    String secret = setup.data().path("secret").asText();
    Instant activatedAt = Instant.now();
    ApiResponse activated =
        api.post(
            "/api/v1/auth/2fa/verify",
            "{\"code\":\"" + TotpOneTimePasswords.code(secret, activatedAt) + "\"}",
            "Authorization",
            browser.bearer(),
            "Cookie",
            browser.cookie());
    assertEquals(200, activated.status(), activated.body());
    assertEquals(10, activated.data().path("recoveryCodes").size());

    // sign in again: password, then the next step's TOTP code (the activation used this one)
    ApiResponse challenge = login(api);
    assertEquals(200, challenge.status(), challenge.body());
    assertTrue(challenge.data().path("mfaRequired").asBoolean(), challenge.body());
    ApiResponse second =
        api.post(
            "/api/v1/auth/login/2fa",
            "{\"mfaToken\":\""
                + challenge.data().path("mfaToken").asText()
                + "\",\"code\":\""
                + TotpOneTimePasswords.code(secret, activatedAt.plusSeconds(30))
                + "\"}");
    Browser signedIn = IdentityApp.browser(second);
    assertTrue(signedIn.user().path("twoFactorEnabled").asBoolean());
    assertEquals(200, api.get("/api/v1/me", "Authorization", signedIn.bearer()).status());

    // refresh rotates the cookie
    Browser refreshed = IdentityApp.browser(refresh(api, signedIn.refreshToken()));
    assertNotEquals(signedIn.refreshToken(), refreshed.refreshToken());
    assertEquals(200, api.get("/api/v1/me", "Authorization", refreshed.bearer()).status());

    // the old refresh token comes back: refused, and the whole family with it
    ApiResponse reused = refresh(api, signedIn.refreshToken());
    assertEquals(401, reused.status(), reused.body());
    assertEquals("AUTHENTICATION_FAILED", reused.errorCode());
    ApiResponse newest = refresh(api, refreshed.refreshToken());
    assertEquals(401, newest.status(), "the newer token of the family is revoked too");
    assertEquals("AUTHENTICATION_FAILED", newest.errorCode());
  }

  private static ApiResponse login(ApiClient api) {
    return api.post(
        "/api/v1/auth/login", "{\"email\":\"" + EMAIL + "\",\"password\":\"" + PASSWORD + "\"}");
  }

  private static ApiResponse refresh(ApiClient api, String refreshToken) {
    return api.post("/api/v1/auth/refresh", null, "Cookie", "mc_refresh=" + refreshToken);
  }

  /** The token of the link in the plain-text part, decoded from its transfer encoding. */
  private static String linkToken(MimeMessage mail, String linkBase) throws Exception {
    MimeMultipart parts = assertInstanceOf(MimeMultipart.class, mail.getContent());
    String text = (String) parts.getBodyPart(0).getContent();
    Matcher matcher =
        Pattern.compile(Pattern.quote(linkBase + "?token=") + "([0-9A-Za-z_-]+)").matcher(text);
    if (!matcher.find()) {
      fail("no " + linkBase + " link in: " + text);
    }
    return matcher.group(1);
  }

  private static String tokenJson(String token) {
    return "{\"token\":\"" + token + "\"}";
  }

  /** Polls /readyz until the process answers 200; fails early if it exits. */
  private static void awaitReady(ApiClient api, Process process, Path log)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(STARTUP);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        fail("MiniChat exited with " + process.exitValue() + " before it was ready");
      }
      try {
        if (api.get("/readyz").status() == 200) {
          return;
        }
      } catch (UncheckedIOException notListeningYet) {
        // the port opens once start-up is done
      }
      Thread.sleep(200);
    }
    fail("MiniChat was not ready within " + STARTUP);
  }

  private static String javaExecutable() {
    return ProcessHandle.current()
        .info()
        .command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}
