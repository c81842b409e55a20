package com.minichat.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.minichat.adapters.http.testing.ApiResponse;
import com.minichat.adapters.security.TotpOneTimePasswords;
import com.minichat.bootstrap.e2e.IdentityApp.Browser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Forged and misused tokens against {@code GET /api/v1/me}: every one is refused with 401
 * AUTHENTICATION_FAILED and the same message, whatever is wrong with it. The secret is known, so a
 * correctly forged token must pass — which proves that each refusal is down to the one flaw.
 */
class JwtAttackTest {
  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
  private static final Algorithm KEY =
      Algorithm.HMAC256(IdentityApp.JWT_SECRET.getBytes(StandardCharsets.UTF_8));

  @TempDir Path dataDir;

  private IdentityApp app;
  private Browser browser;
  private String kid;
  private String refusal;

  @BeforeEach
  void start() {
    app = IdentityApp.start(dataDir);
    browser = app.registerAndLogIn("jwt@example.com");
    kid = JWT.decode(browser.accessToken()).getKeyId();
    ApiResponse garbage = app.me("Bearer not.a.token");
    assertEquals(401, garbage.status());
    refusal = garbage.json().at("/error/message").asText();
  }

  @AfterEach
  void stop() {
    app.close();
  }

  @Test
  void aCorrectlyForgedTokenPassesSoTheOthersFailForTheirFlawOnly() {
    ApiResponse me = app.me("Bearer " + accessClaims().sign(KEY));

    assertEquals(200, me.status(), me.body());
    assertEquals(browser.userId(), me.data().at("/user/id").asText());
  }

  @Test
  void algNoneIsRefused() {
    assertRefused(accessClaims().sign(Algorithm.none()));
    String payload = JWT.decode(accessClaims().sign(KEY)).getPayload();
    assertRefused(
        encode("{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}") + "." + payload + ".");
    assertRefused(encode("{\"alg\":\"NONE\",\"kid\":\"" + kid + "\"}") + "." + payload + ".");
  }

  @Test
  void anotherAlgorithmInTheHeaderIsRefused() throws GeneralSecurityException {
    String payload = JWT.decode(accessClaims().sign(KEY)).getPayload();
    // HS/RS confusion: the header claims RS256, the signature is an HMAC with the shared secret
    assertRefused(
        hmacSigned("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}", payload));
    // a real RS256 token from a key pair of the attacker's
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair pair = generator.generateKeyPair();
    assertRefused(
        accessClaims()
            .sign(
                Algorithm.RSA256(
                    (RSAPublicKey) pair.getPublic(), (RSAPrivateKey) pair.getPrivate())));
    // the right secret with another HMAC
    assertRefused(
        accessClaims()
            .sign(Algorithm.HMAC512(IdentityApp.JWT_SECRET.getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void aTamperedPayloadIsRefused() {
    Browser other = app.registerAndLogIn("victim@example.com");
    String[] parts = browser.accessToken().split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    String victim = payload.replace(browser.userId(), other.userId());
    assertNotEquals(payload, victim);
    assertRefused(parts[0] + "." + encode(victim) + "." + parts[2]);
    String longer =
        payload.replaceFirst(
            "\"exp\":(\\d+)",
            "\"exp\":" + Instant.now().plus(Duration.ofDays(365)).getEpochSecond());
    assertNotEquals(payload, longer);
    assertRefused(parts[0] + "." + encode(longer) + "." + parts[2]);
    // the untouched token still works
    assertEquals(200, app.me(browser.bearer()).status());
  }

  @Test
  void anExpiredTokenIsRefused() {
    Instant now = app.clock.instant().truncatedTo(ChronoUnit.SECONDS);
    assertRefused(
        accessClaims()
            .withIssuedAt(now.minus(Duration.ofMinutes(20)))
            .withNotBefore(now.minus(Duration.ofMinutes(20)))
            .withExpiresAt(now.minus(Duration.ofMinutes(5)))
            .sign(KEY));
    // not yet valid
    assertRefused(
        accessClaims()
            .withNotBefore(now.plus(Duration.ofMinutes(5)))
            .withExpiresAt(now.plus(Duration.ofMinutes(20)))
            .sign(KEY));
    // a genuine token once its 15 minutes are over
    app.clock.advance(Duration.ofMinutes(16));
    assertRefused(browser.accessToken());
  }

  @Test
  void aForeignOrMissingKeyIdIsRefused() {
    byte[] foreign =
        "another-secret-of-someone-else-0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    assertRefused(accessClaims().withKeyId("0badc0de").sign(Algorithm.HMAC256(foreign)));
    // the right key under an unknown id, and without any id
    assertRefused(accessClaims().withKeyId("0badc0de").sign(KEY));
    String payload = JWT.decode(accessClaims().sign(KEY)).getPayload();
    assertRefused(hmacSigned("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", payload));
    // a foreign key under our id
    assertRefused(accessClaims().sign(Algorithm.HMAC256(foreign)));
  }

  @Test
  void tokensOfAnotherAudienceAreRefused() {
    // forged: every claim right but the audience, the type or the issuer
    assertRefused(accessClaims().withAudience("minichat-widget").sign(KEY));
    assertRefused(accessClaims().withAudience("minichat-mfa").sign(KEY));
    assertRefused(accessClaims().withClaim("typ", "visitor").sign(KEY));
    assertRefused(accessClaims().withIssuer("someone-else").sign(KEY));

    // a genuine visitor token from the widget
    String widgetKey =
        app.api()
            .post("/api/v1/workspaces", "{\"name\":\"Shop\"}", "Authorization", browser.bearer())
            .data()
            .at("/workspace/widgetKey")
            .asText();
    ApiResponse started = app.api().post("/api/v1/widget/" + widgetKey + "/conversations", null);
    assertEquals(201, started.status(), started.body());
    assertRefused(started.data().path("visitorToken").asText());

    // a genuine MFA token (password step passed, second step pending); last, since turning 2FA
    // on ends the browser's access token
    String secret =
        app.api()
            .post("/api/v1/auth/2fa/setup", null, "Authorization", browser.bearer())
            .data()
            .path("secret")
            .asText();
    String code = TotpOneTimePasswords.code(secret, app.clock.instant());
    assertEquals(
        200,
        app.api()
            .post(
                "/api/v1/auth/2fa/verify",
                "{\"code\":\"" + code + "\"}",
                "Authorization",
                browser.bearer(),
                "Cookie",
                browser.cookie())
            .status());
    ApiResponse challenge = app.login("jwt@example.com", IdentityApp.PASSWORD);
    assertRefused(challenge.data().path("mfaToken").asText());
  }

  /** The claims of a valid access token of {@link #browser}, ready to be changed and signed. */
  private JWTCreator.Builder accessClaims() {
    DecodedJWT genuine = JWT.decode(browser.accessToken());
    Instant now = app.clock.instant().truncatedTo(ChronoUnit.SECONDS);
    return JWT.create()
        .withKeyId(kid)
        .withIssuer("minichat")
        .withAudience("minichat-api")
        .withSubject(genuine.getSubject())
        .withClaim("typ", "access")
        .withClaim("ver", genuine.getClaim("ver").asInt())
        .withJWTId(UUID.randomUUID().toString())
        .withIssuedAt(now)
        .withNotBefore(now)
        .withExpiresAt(now.plus(Duration.ofMinutes(10)));
  }

  private void assertRefused(String token) {
    ApiResponse response = app.me("Bearer " + token);
    assertEquals(401, response.status(), token + " -> " + response.body());
    assertEquals("AUTHENTICATION_FAILED", response.errorCode());
    assertEquals(refusal, response.json().at("/error/message").asText(), "the same message");
    assertTrue(response.data().isMissingNode());
  }

  private static String hmacSigned(String header, String payload) {
    String signingInput = encode(header) + "." + payload;
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(
          new SecretKeySpec(IdentityApp.JWT_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return signingInput
          + "."
          + URL.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String json) {
    return URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
