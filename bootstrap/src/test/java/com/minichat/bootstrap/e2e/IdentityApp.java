package com.minichat.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.minichat.adapters.http.testing.ApiClient;
import com.minichat.adapters.http.testing.ApiResponse;
import com.minichat.bootstrap.MiniChat;
import com.minichat.bootstrap.config.ConfigLoader;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MiniChat started in-process over real HTTP for the identity tests: development profile with the
 * mail outbox, a known JWT secret, cheap bcrypt, generous rate limits unless a test sets its own,
 * and a {@link MovableClock}. Helpers speak the API the way a browser would: the refresh token only
 * ever travels in the {@code mc_refresh} cookie.
 */
final class IdentityApp implements AutoCloseable {
  /** Where e-mailed links point. */
  static final String BASE_URL = "http://minichat.test";

  /** The signing secret, known so that tests can forge tokens. */
  static final String JWT_SECRET = "e2e-jwt-secret-0123456789-abcdefghijklmnopqrstuvwxyz";

  /** A password every rule accepts. */
  static final String PASSWORD = "Str0ng!Passw0rd";

  private static final Pattern REFRESH_COOKIE = Pattern.compile("^mc_refresh=([^;]*)(;.*)?$");

  final MovableClock clock = new MovableClock();
  private final Path dataDir;
  private MiniChat miniChat;
  private ApiClient api;

  private IdentityApp(Path dataDir) {
    this.dataDir = dataDir;
  }

  /**
   * Starts MiniChat on a free port with data under {@code dataDir}.
   *
   * @param overrides environment variables as name/value pairs, replacing the defaults
   */
  static IdentityApp start(Path dataDir, String... overrides) {
    IdentityApp app = new IdentityApp(dataDir);
    app.boot(overrides);
    return app;
  }

  /** Stops and starts again on the same data, with other variables if given. */
  void restart(String... overrides) {
    miniChat.close();
    boot(overrides);
  }

  private void boot(String... overrides) {
    Map<String, String> env = new HashMap<>();
    env.put("APP_ENV", "development");
    env.put("HOST", "127.0.0.1");
    env.put("PORT", "0");
    env.put("PUBLIC_BASE_URL", BASE_URL);
    env.put("DATA_DIR", dataDir.toString());
    env.put("BCRYPT_COST", "4");
    env.put("JWT_SECRET", JWT_SECRET);
    env.put("LOGIN_RATE_LIMIT", "1000/1s");
    env.put("REGISTER_RATE_LIMIT", "1000/1s");
    env.put("PASSWORD_RESET_RATE_LIMIT", "1000/1s");
    env.put("VERIFICATION_RESEND_RATE_LIMIT", "1000/1s");
    for (int i = 0; i + 1 < overrides.length; i += 2) {
      env.put(overrides[i], overrides[i + 1]);
    }
    env.values().removeIf(String::isEmpty);
    miniChat = MiniChat.start(new ConfigLoader(env).load(), clock);
    api = new ApiClient(URI.create(localUrl()));
  }

  ApiClient api() {
    return api;
  }

  /** Where the running instance listens, for clients other than {@link #api()}. */
  String localUrl() {
    return "http://127.0.0.1:" + miniChat.port();
  }

  @Override
  public void close() {
    if (miniChat != null) {
      miniChat.close();
    }
  }

  /** A signed-in browser: the access token it keeps in memory and its refresh cookie. */
  record Browser(String accessToken, String refreshToken, JsonNode user) {
    String bearer() {
      return "Bearer " + accessToken;
    }

    String cookie() {
      return "mc_refresh=" + refreshToken;
    }

    String userId() {
      return user.path("id").asText();
    }
  }

  /** Registers with {@link #PASSWORD}. */
  ApiResponse register(String email) {
    return register(email, PASSWORD, "Test User");
  }

  ApiResponse register(String email, String password, String name) {
    return api.post(
        "/api/v1/auth/register",
        "{\"email\":\""
            + email
            + "\",\"password\":\""
            + password
            + "\",\"name\":\""
            + name
            + "\"}");
  }

  ApiResponse login(String email, String password) {
    return api.post(
        "/api/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
  }

  /** Registers {@code email} with {@link #PASSWORD} and signs in. */
  Browser registerAndLogIn(String email) {
    assertEquals(201, register(email).status());
    return logIn(email, PASSWORD);
  }

  /** Signs in, requiring success without a second factor. */
  Browser logIn(String email, String password) {
    return browser(login(email, password));
  }

  /** The browser state after a response that started or rotated a session. */
  static Browser browser(ApiResponse response) {
    assertEquals(200, response.status(), response.body());
    String refresh = refreshCookie(response);
    assertNotNull(refresh, "no refresh cookie set: " + response.headers().map());
    return new Browser(
        response.data().path("accessToken").asText(), refresh, response.data().path("user"));
  }

  /** The value the response put into the refresh cookie, or {@code null} when it set none. */
  static String refreshCookie(ApiResponse response) {
    for (String header : response.headers().allValues("Set-Cookie")) {
      Matcher matcher = REFRESH_COOKIE.matcher(header);
      if (matcher.matches()) {
        return matcher.group(1);
      }
    }
    return null;
  }

  /** The whole {@code Set-Cookie} header of the refresh cookie. */
  static String refreshSetCookie(ApiResponse response) {
    List<String> cookies =
        response.headers().allValues("Set-Cookie").stream()
            .filter(header -> header.startsWith("mc_refresh="))
            .toList();
    assertEquals(1, cookies.size(), "one refresh cookie expected: " + cookies);
    return cookies.getFirst();
  }

  /** POST /auth/refresh carrying {@code refreshToken} in the cookie. */
  ApiResponse refresh(String refreshToken) {
    return api.post("/api/v1/auth/refresh", null, "Cookie", "mc_refresh=" + refreshToken);
  }

  /** GET /me with {@code bearer}. */
  ApiResponse me(String bearer) {
    return api.get("/api/v1/me", "Authorization", bearer);
  }

  /** Every kept e-mail to {@code to}, newest first. */
  List<JsonNode> mailsTo(String to) {
    ApiResponse outbox = api.get("/api/v1/dev/outbox");
    assertEquals(200, outbox.status(), outbox.body());
    List<JsonNode> mails = new ArrayList<>();
    outbox
        .data()
        .path("messages")
        .forEach(
            mail -> {
              if (mail.path("to").asText().equalsIgnoreCase(to)) {
                mails.add(mail);
              }
            });
    return mails;
  }

  /**
   * The token of the newest e-mailed link {@code BASE_URL + path + "?token=…"} to {@code to}, which
   * must appear in the text and the HTML part alike.
   */
  String tokenFromMail(String to, String path) {
    Pattern link = Pattern.compile(Pattern.quote(BASE_URL + path + "?token=") + "([0-9A-Za-z_-]+)");
    for (JsonNode mail : mailsTo(to)) {
      Matcher matcher = link.matcher(mail.path("text").asText());
      if (matcher.find()) {
        String html = mail.path("html").asText();
        if (!html.contains("href=\"" + matcher.group() + "\"")) {
          fail("the HTML part lacks the link " + matcher.group() + ": " + html);
        }
        return matcher.group(1);
      }
    }
    return fail("no e-mail to " + to + " with a " + path + " link: " + mailsTo(to));
  }
}
