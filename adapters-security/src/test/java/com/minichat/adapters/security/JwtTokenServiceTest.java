package com.minichat.adapters.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import com.minichat.application.port.out.security.VisitorClaims;
import com.minichat.domain.common.AuthenticationException;
import com.minichat.domain.common.ErrorCode;
import com.minichat.domain.conversation.ConversationId;
import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.WorkspaceId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class JwtTokenServiceTest {
  private static final String SECRET = "0123456789abcdef0123456789abcdef-test-secret";
  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final UserId USER = new UserId("user-1");
  private static final VisitorClaims VISITOR =
      new VisitorClaims(new WorkspaceId("ws-1"), new ConversationId("conv-1"));
  private static final String GENERIC_MESSAGE = "The token is invalid or has expired";

  private final JwtTokenService tokens = new JwtTokenService(SECRET, CLOCK);

  /** The same service seen {@code offset} later (or earlier, if negative). */
  private static JwtTokenService at(Duration offset) {
    return new JwtTokenService(SECRET, Clock.offset(CLOCK, offset));
  }

  @Test
  void accessTokenRoundTrips() {
    String token = tokens.issueAccessToken(USER);

    assertEquals(USER, tokens.verifyAccessToken(token));
  }

  @Test
  void accessTokenCarriesTheAgreedClaims() {
    var jwt = JWT.decode(tokens.issueAccessToken(USER));

    assertEquals("HS256", jwt.getAlgorithm());
    assertEquals("minichat", jwt.getIssuer());
    assertEquals(java.util.List.of("minichat-api"), jwt.getAudience());
    assertEquals("user-1", jwt.getSubject());
    assertEquals("access", jwt.getClaim("typ").asString());
    assertEquals(NOW, jwt.getNotBeforeAsInstant());
    assertEquals(NOW.plus(Duration.ofMinutes(15)), jwt.getExpiresAtAsInstant());
  }

  @Test
  void visitorTokenRoundTripsAndCarriesTheAgreedClaims() {
    String token = tokens.issueVisitorToken(VISITOR);
    var jwt = JWT.decode(token);

    assertEquals(VISITOR, tokens.verifyVisitorToken(token));
    assertEquals(java.util.List.of("minichat-widget"), jwt.getAudience());
    assertEquals("conv-1", jwt.getSubject());
    assertEquals("ws-1", jwt.getClaim("wid").asString());
    assertEquals("visitor", jwt.getClaim("typ").asString());
    assertEquals(NOW.plus(Duration.ofDays(30)), jwt.getExpiresAtAsInstant());
  }

  @Test
  void accessTokenExpiresAfterFifteenMinutes() {
    String token = tokens.issueAccessToken(USER);

    assertEquals(USER, at(Duration.ofMinutes(15).minusSeconds(1)).verifyAccessToken(token));
    assertRejected(() -> at(Duration.ofMinutes(15).plusSeconds(1)).verifyAccessToken(token));
  }

  @Test
  void visitorTokenExpiresAfterThirtyDays() {
    String token = tokens.issueVisitorToken(VISITOR);

    assertEquals(VISITOR, at(Duration.ofDays(30).minusSeconds(1)).verifyVisitorToken(token));
    assertRejected(() -> at(Duration.ofDays(30).plusSeconds(1)).verifyVisitorToken(token));
  }

  @Test
  void tokenIsNotValidBeforeItsNotBeforeTime() {
    String token = tokens.issueAccessToken(USER);

    assertRejected(() -> at(Duration.ofMinutes(-1)).verifyAccessToken(token));
  }

  @Test
  void notBeforeInTheFutureIsRejectedEvenWithAValidSignature() {
    String token =
        validAccessClaims()
            .withNotBefore(NOW.plusSeconds(60))
            .sign(Algorithm.HMAC256(SECRET.getBytes(StandardCharsets.UTF_8)));

    assertRejected(() -> tokens.verifyAccessToken(token));
    assertEquals(USER, at(Duration.ofSeconds(60)).verifyAccessToken(token));
  }

  @Test
  void tamperedPayloadIsRejected() {
    String[] parts = tokens.issueAccessToken(USER).split("\\.");
    String forgedPayload =
        base64Url(
            "{\"iss\":\"minichat\",\"aud\":\"minichat-api\",\"sub\":\"admin\",\"typ\":\"access\","
                + "\"nbf\":"
                + NOW.getEpochSecond()
                + ",\"exp\":"
                + NOW.plusSeconds(900).getEpochSecond()
                + "}");

    assertRejected(() -> tokens.verifyAccessToken(parts[0] + "." + forgedPayload + "." + parts[2]));
  }

  @Test
  void tamperedSignatureIsRejected() {
    String token = tokens.issueAccessToken(USER);
    char last = token.charAt(token.length() - 2);
    String tampered =
        token.substring(0, token.length() - 2)
            + (last == 'A' ? 'B' : 'A')
            + token.charAt(token.length() - 1);

    assertNotEquals(token, tampered);
    assertRejected(() -> tokens.verifyAccessToken(tampered));
  }

  @Test
  void tokenSignedWithAnotherSecretIsRejected() {
    String foreign =
        new JwtTokenService("another-secret-that-is-also-long-enough!!", CLOCK)
            .issueAccessToken(USER);

    assertRejected(() -> tokens.verifyAccessToken(foreign));
  }

  @Test
  void unsignedAlgNoneTokenIsRejected() {
    String header = base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}");
    String payload =
        base64Url(
            "{\"iss\":\"minichat\",\"aud\":\"minichat-api\",\"sub\":\"user-1\",\"typ\":\"access\","
                + "\"iat\":"
                + NOW.getEpochSecond()
                + ",\"nbf\":"
                + NOW.getEpochSecond()
                + ",\"exp\":"
                + NOW.plusSeconds(900).getEpochSecond()
                + "}");

    assertRejected(() -> tokens.verifyAccessToken(header + "." + payload + "."));
    assertRejected(() -> tokens.verifyAccessToken(header + "." + payload));
  }

  @Test
  void algorithmIsPinnedToHs256() {
    // same secret and valid claims, but HS384: still refused
    String token =
        validAccessClaims().sign(Algorithm.HMAC384(SECRET.getBytes(StandardCharsets.UTF_8)));

    assertRejected(() -> tokens.verifyAccessToken(token));
  }

  @Test
  void correctlySignedTokenWithAllClaimsIsAccepted() {
    // guards the forged-token tests below: they fail for the one claim they change
    String token = validAccessClaims().sign(hs256());

    assertEquals(USER, tokens.verifyAccessToken(token));
  }

  @Test
  void accessTokenIsNotAVisitorToken() {
    String token = tokens.issueAccessToken(USER);

    assertRejected(() -> tokens.verifyVisitorToken(token));
  }

  @Test
  void visitorTokenIsNotAnAccessToken() {
    String token = tokens.issueVisitorToken(VISITOR);

    assertRejected(() -> tokens.verifyAccessToken(token));
  }

  @Test
  void wrongTypeClaimIsRejectedEvenWithTheRightAudience() {
    String token = validAccessClaims().withClaim("typ", "visitor").sign(hs256());

    assertRejected(() -> tokens.verifyAccessToken(token));
  }

  @Test
  void wrongAudienceIsRejected() {
    String token = validAccessClaims().withAudience("minichat-widget").sign(hs256());

    assertRejected(() -> tokens.verifyAccessToken(token));
  }

  @Test
  void wrongIssuerIsRejected() {
    String token = validAccessClaims().withIssuer("someone-else").sign(hs256());

    assertRejected(() -> tokens.verifyAccessToken(token));
  }

  @Test
  void tokenWithoutExpiryIsRejected() {
    String token =
        JWT.create()
            .withIssuer("minichat")
            .withAudience("minichat-api")
            .withSubject("user-1")
            .withClaim("typ", "access")
            .withNotBefore(NOW)
            .sign(hs256());

    assertRejected(() -> tokens.verifyAccessToken(token));
  }

  @Test
  void visitorTokenWithoutWorkspaceIsRejected() {
    String token =
        JWT.create()
            .withIssuer("minichat")
            .withAudience("minichat-widget")
            .withSubject("conv-1")
            .withClaim("typ", "visitor")
            .withNotBefore(NOW)
            .withExpiresAt(NOW.plusSeconds(60))
            .sign(hs256());

    assertRejected(() -> tokens.verifyVisitorToken(token));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        " ",
        "garbage",
        "a.b.c",
        "a.b",
        "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0",
        "eyJhbGciOiJIUzI1NiJ9.bm90IGpzb24.c2ln",
        "Bearer x.y.z"
      })
  void garbageIsRejected(String token) {
    assertRejected(() -> tokens.verifyAccessToken(token));
    assertRejected(() -> tokens.verifyVisitorToken(token));
  }

  @Test
  void rejectsShortSecrets() {
    assertThrows(IllegalArgumentException.class, () -> new JwtTokenService("too-short", CLOCK));
    assertThrows(IllegalArgumentException.class, () -> new JwtTokenService(new byte[31], CLOCK));
  }

  private static JWTCreator.Builder validAccessClaims() {
    return JWT.create()
        .withIssuer("minichat")
        .withAudience("minichat-api")
        .withSubject("user-1")
        .withClaim("typ", "access")
        .withIssuedAt(NOW)
        .withNotBefore(NOW)
        .withExpiresAt(NOW.plusSeconds(900));
  }

  private static Algorithm hs256() {
    return Algorithm.HMAC256(SECRET.getBytes(StandardCharsets.UTF_8));
  }

  private static String base64Url(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static void assertRejected(org.junit.jupiter.api.function.Executable verification) {
    AuthenticationException e = assertThrows(AuthenticationException.class, verification);
    assertEquals(ErrorCode.AUTHENTICATION_FAILED, e.code());
    assertEquals(GENERIC_MESSAGE, e.getMessage());
  }
}
