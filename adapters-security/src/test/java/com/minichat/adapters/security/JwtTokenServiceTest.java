package com.minichat.adapters.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import com.minichat.adapters.security.JwtTokenService.SigningKey;
import com.minichat.application.port.out.security.AccessClaims;
import com.minichat.application.port.out.security.VisitorClaims;
import com.minichat.domain.common.AuthenticationException;
import com.minichat.domain.common.ErrorCode;
import com.minichat.domain.conversation.ConversationId;
import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.WorkspaceId;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class JwtTokenServiceTest {
  private static final String SECRET = "0123456789abcdef0123456789abcdef-test-secret";
  private static final String OLD_SECRET = "an-older-secret-that-is-also-long-enough-0001";
  private static final String OTHER_SECRET = "another-secret-that-is-also-long-enough!!";
  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final UserId USER = new UserId("user-1");
  private static final AccessClaims ACCESS = new AccessClaims(USER, 3);
  private static final VisitorClaims VISITOR =
      new VisitorClaims(new WorkspaceId("ws-1"), new ConversationId("conv-1"));
  private static final String GENERIC_MESSAGE = "The token is invalid or has expired";
  private static final String KID = kidOf(SECRET);

  private final JwtTokenService tokens = serviceAt(CLOCK, SECRET);

  private static JwtTokenService serviceAt(Clock clock, String current, String... previous) {
    return JwtTokenService.fromSecrets(current, String.join(",", previous), clock);
  }

  /** The same service seen {@code offset} later (or earlier, if negative). */
  private static JwtTokenService at(Duration offset) {
    return serviceAt(Clock.offset(CLOCK, offset), SECRET);
  }

  /** The expected key id: first 8 hex characters of the SHA-256 of the secret. */
  private static String kidOf(String secret) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  @Nested
  class AccessTokens {
    @Test
    void roundTripsWithTheSessionVersion() {
      String token = tokens.issueAccessToken(ACCESS);

      assertEquals(ACCESS, tokens.verifyAccessToken(token));
    }

    @Test
    void carriesTheAgreedClaimsAndHeader() {
      var jwt = JWT.decode(tokens.issueAccessToken(ACCESS));

      assertEquals("HS256", jwt.getAlgorithm());
      assertEquals(KID, jwt.getKeyId());
      assertEquals("minichat", jwt.getIssuer());
      assertEquals(List.of("minichat-api"), jwt.getAudience());
      assertEquals("user-1", jwt.getSubject());
      assertEquals("access", jwt.getClaim("typ").asString());
      assertEquals(3, jwt.getClaim("ver").asInt());
      assertEquals(NOW, jwt.getNotBeforeAsInstant());
      assertEquals(NOW, jwt.getIssuedAtAsInstant());
      assertEquals(NOW.plus(Duration.ofMinutes(15)), jwt.getExpiresAtAsInstant());
    }

    @Test
    void expiresAfterFifteenMinutes() {
      String token = tokens.issueAccessToken(ACCESS);

      assertEquals(ACCESS, at(Duration.ofMinutes(15).minusSeconds(1)).verifyAccessToken(token));
      assertRejected(() -> at(Duration.ofMinutes(15)).verifyAccessToken(token));
      assertRejected(() -> at(Duration.ofMinutes(15).plusSeconds(1)).verifyAccessToken(token));
    }

    @Test
    void withoutSessionVersionIsRejected() {
      String token = JWT.create().withKeyId(KID).withPayload(Claims.access()).sign(hs256(SECRET));
      String stripped =
          JWT.create()
              .withKeyId(KID)
              .withIssuer("minichat")
              .withAudience("minichat-api")
              .withSubject("user-1")
              .withClaim("typ", "access")
              .withNotBefore(NOW)
              .withExpiresAt(NOW.plusSeconds(900))
              .sign(hs256(SECRET));

      assertEquals(ACCESS, tokens.verifyAccessToken(token));
      assertRejected(() -> tokens.verifyAccessToken(stripped));
    }

    @Test
    void withNonNumericSessionVersionIsRejected() {
      String token = validAccessClaims().withClaim("ver", "3").sign(hs256(SECRET));

      assertRejected(() -> tokens.verifyAccessToken(token));
    }
  }

  @Nested
  class VisitorTokens {
    @Test
    void roundTripAndCarryTheAgreedClaims() {
      String token = tokens.issueVisitorToken(VISITOR);
      var jwt = JWT.decode(token);

      assertEquals(VISITOR, tokens.verifyVisitorToken(token));
      assertEquals(KID, jwt.getKeyId());
      assertEquals(List.of("minichat-widget"), jwt.getAudience());
      assertEquals("conv-1", jwt.getSubject());
      assertEquals("ws-1", jwt.getClaim("wid").asString());
      assertEquals("visitor", jwt.getClaim("typ").asString());
      assertEquals(NOW.plus(Duration.ofDays(30)), jwt.getExpiresAtAsInstant());
    }

    @Test
    void expireAfterThirtyDays() {
      String token = tokens.issueVisitorToken(VISITOR);

      assertEquals(VISITOR, at(Duration.ofDays(30).minusSeconds(1)).verifyVisitorToken(token));
      assertRejected(() -> at(Duration.ofDays(30).plusSeconds(1)).verifyVisitorToken(token));
    }

    @Test
    void withoutWorkspaceAreRejected() {
      String token =
          JWT.create()
              .withKeyId(KID)
              .withIssuer("minichat")
              .withAudience("minichat-widget")
              .withSubject("conv-1")
              .withClaim("typ", "visitor")
              .withNotBefore(NOW)
              .withExpiresAt(NOW.plusSeconds(60))
              .sign(hs256(SECRET));

      assertRejected(() -> tokens.verifyVisitorToken(token));
    }
  }

  @Nested
  class MfaTokens {
    @Test
    void roundTripAndCarryTheAgreedClaims() {
      String token = tokens.issueMfaToken(USER);
      var jwt = JWT.decode(token);

      assertEquals(USER, tokens.verifyMfaToken(token));
      assertEquals("HS256", jwt.getAlgorithm());
      assertEquals(KID, jwt.getKeyId());
      assertEquals("minichat", jwt.getIssuer());
      assertEquals(List.of("minichat-mfa"), jwt.getAudience());
      assertEquals("user-1", jwt.getSubject());
      assertEquals("mfa", jwt.getClaim("typ").asString());
      assertEquals(NOW, jwt.getNotBeforeAsInstant());
      assertEquals(NOW.plus(Duration.ofMinutes(5)), jwt.getExpiresAtAsInstant());
    }

    @Test
    void expireAfterFiveMinutes() {
      String token = tokens.issueMfaToken(USER);

      assertEquals(USER, at(Duration.ofMinutes(5).minusSeconds(1)).verifyMfaToken(token));
      assertRejected(() -> at(Duration.ofMinutes(5)).verifyMfaToken(token));
      assertRejected(() -> at(Duration.ofMinutes(5).plusSeconds(1)).verifyMfaToken(token));
    }

    @Test
    void areNotValidBeforeTheyWereIssued() {
      String token = tokens.issueMfaToken(USER);

      assertRejected(() -> at(Duration.ofSeconds(-1)).verifyMfaToken(token));
    }
  }

  @Nested
  class PurposesDoNotMix {
    @Test
    void accessTokenIsNeitherAVisitorNorAnMfaToken() {
      String token = tokens.issueAccessToken(ACCESS);

      assertRejected(() -> tokens.verifyVisitorToken(token));
      assertRejected(() -> tokens.verifyMfaToken(token));
    }

    @Test
    void mfaTokenIsNeitherAnAccessNorAVisitorToken() {
      String token = tokens.issueMfaToken(USER);

      assertRejected(() -> tokens.verifyAccessToken(token));
      assertRejected(() -> tokens.verifyVisitorToken(token));
    }

    @Test
    void visitorTokenIsNeitherAnAccessNorAnMfaToken() {
      String token = tokens.issueVisitorToken(VISITOR);

      assertRejected(() -> tokens.verifyAccessToken(token));
      assertRejected(() -> tokens.verifyMfaToken(token));
    }

    @Test
    void mfaTypeWithTheAccessAudienceIsRejected() {
      // typ and aud must both match: changing only one of them is not enough
      String token = validAccessClaims().withClaim("typ", "mfa").sign(hs256(SECRET));

      assertRejected(() -> tokens.verifyAccessToken(token));
      assertRejected(() -> tokens.verifyMfaToken(token));
    }

    @Test
    void accessTypeWithTheMfaAudienceIsRejected() {
      String token = validAccessClaims().withAudience("minichat-mfa").sign(hs256(SECRET));

      assertRejected(() -> tokens.verifyAccessToken(token));
      assertRejected(() -> tokens.verifyMfaToken(token));
    }

    @Test
    void wrongTypeClaimIsRejectedEvenWithTheRightAudience() {
      String token = validAccessClaims().withClaim("typ", "visitor").sign(hs256(SECRET));

      assertRejected(() -> tokens.verifyAccessToken(token));
    }

    @Test
    void wrongAudienceIsRejected() {
      String token = validAccessClaims().withAudience("minichat-widget").sign(hs256(SECRET));

      assertRejected(() -> tokens.verifyAccessToken(token));
    }
  }

  @Nested
  class Forgeries {
    @Test
    void correctlySignedTokenWithAllClaimsIsAccepted() {
      // guards the forged-token tests: each fails for the one thing it changes
      assertEquals(ACCESS, tokens.verifyAccessToken(validAccessClaims().sign(hs256(SECRET))));
      assertEquals(
          ACCESS,
          tokens.verifyAccessToken(
              handMade("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + KID + "\"}")));
    }

    @Test
    void unsignedAlgNoneTokenIsRejected() {
      String header = base64Url("{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"" + KID + "\"}");
      String payload = base64Url(accessPayloadJson("user-1"));

      assertRejected(() -> tokens.verifyAccessToken(header + "." + payload + "."));
      assertRejected(() -> tokens.verifyAccessToken(header + "." + payload));
      assertRejected(
          () -> tokens.verifyAccessToken(handMade("{\"alg\":\"none\",\"kid\":\"" + KID + "\"}")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "ES256", "PS256", "HS384", "HS512", "none", "hs256", ""})
    void anyOtherAlgorithmInTheHeaderIsRejectedEvenWithAGenuineHmac(String alg) {
      // key confusion: the attacker announces an asymmetric algorithm and signs with HMAC, hoping
      // the verifier uses the header's algorithm with whatever key it has
      String token = handMade("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\",\"kid\":\"" + KID + "\"}");

      assertRejected(() -> tokens.verifyAccessToken(token));
    }

    @Test
    void tokensSignedWithOtherAlgorithmsAreRejected() throws Exception {
      KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
      rsa.initialize(2048);
      KeyPair rsaPair = rsa.generateKeyPair();
      KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
      ec.initialize(256);
      KeyPair ecPair = ec.generateKeyPair();

      String rs256 =
          validAccessClaims()
              .sign(
                  Algorithm.RSA256(
                      (RSAPublicKey) rsaPair.getPublic(), (RSAPrivateKey) rsaPair.getPrivate()));
      String es256 =
          validAccessClaims()
              .sign(
                  Algorithm.ECDSA256(
                      (ECPublicKey) ecPair.getPublic(), (ECPrivateKey) ecPair.getPrivate()));
      String hs384 =
          validAccessClaims().sign(Algorithm.HMAC384(SECRET.getBytes(StandardCharsets.UTF_8)));

      assertEquals("RS256", JWT.decode(rs256).getAlgorithm());
      assertRejected(() -> tokens.verifyAccessToken(rs256));
      assertRejected(() -> tokens.verifyAccessToken(es256));
      assertRejected(() -> tokens.verifyAccessToken(hs384));
    }

    @Test
    void tamperedPayloadIsRejected() {
      String[] parts = tokens.issueAccessToken(ACCESS).split("\\.");
      String forgedPayload = base64Url(accessPayloadJson("admin"));

      assertRejected(
          () -> tokens.verifyAccessToken(parts[0] + "." + forgedPayload + "." + parts[2]));
    }

    @Test
    void raisedSessionVersionInThePayloadIsRejected() {
      String[] parts = tokens.issueAccessToken(new AccessClaims(USER, 1)).split("\\.");
      String payload =
          new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
              .replace("\"ver\":1", "\"ver\":2");
      assertTrue(payload.contains("\"ver\":2"), payload);

      assertRejected(
          () -> tokens.verifyAccessToken(parts[0] + "." + base64Url(payload) + "." + parts[2]));
    }

    @Test
    void tamperedSignatureIsRejected() {
      String token = tokens.issueAccessToken(ACCESS);
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
      String foreign = serviceAt(CLOCK, OTHER_SECRET).issueAccessToken(ACCESS);

      assertRejected(() -> tokens.verifyAccessToken(foreign));
    }

    @Test
    void tokenSignedWithAnotherSecretButClaimingOurKeyIdIsRejected() {
      String foreign = validAccessClaims().sign(hs256(OTHER_SECRET));

      assertEquals(KID, JWT.decode(foreign).getKeyId());
      assertRejected(() -> tokens.verifyAccessToken(foreign));
    }

    @Test
    void wrongIssuerIsRejected() {
      String token = validAccessClaims().withIssuer("someone-else").sign(hs256(SECRET));

      assertRejected(() -> tokens.verifyAccessToken(token));
    }

    @Test
    void tokenWithoutExpiryIsRejected() {
      String token =
          JWT.create()
              .withKeyId(KID)
              .withIssuer("minichat")
              .withAudience("minichat-api")
              .withSubject("user-1")
              .withClaim("typ", "access")
              .withClaim("ver", 3)
              .withNotBefore(NOW)
              .sign(hs256(SECRET));

      assertRejected(() -> tokens.verifyAccessToken(token));
    }

    @Test
    void tokenWithoutNotBeforeIsRejected() {
      String token =
          JWT.create()
              .withKeyId(KID)
              .withIssuer("minichat")
              .withAudience("minichat-api")
              .withSubject("user-1")
              .withClaim("typ", "access")
              .withClaim("ver", 3)
              .withExpiresAt(NOW.plusSeconds(900))
              .sign(hs256(SECRET));

      assertRejected(() -> tokens.verifyAccessToken(token));
    }

    @Test
    void tokenWithBlankSubjectIsRejected() {
      String access = validAccessClaims().withSubject(" ").sign(hs256(SECRET));
      String mfa =
          validAccessClaims()
              .withAudience("minichat-mfa")
              .withClaim("typ", "mfa")
              .withSubject("")
              .sign(hs256(SECRET));

      assertRejected(() -> tokens.verifyAccessToken(access));
      assertRejected(() -> tokens.verifyMfaToken(mfa));
    }
  }

  @Nested
  class TimeWindow {
    @Test
    void expiredTokenIsRejectedWhenTheClockMovesOn() {
      String access = tokens.issueAccessToken(ACCESS);
      String visitor = tokens.issueVisitorToken(VISITOR);
      String mfa = tokens.issueMfaToken(USER);
      JwtTokenService nextYear = at(Duration.ofDays(365));

      assertRejected(() -> nextYear.verifyAccessToken(access));
      assertRejected(() -> nextYear.verifyVisitorToken(visitor));
      assertRejected(() -> nextYear.verifyMfaToken(mfa));
    }

    @Test
    void tokenIsNotValidBeforeItsNotBeforeTime() {
      String token = tokens.issueAccessToken(ACCESS);

      assertRejected(() -> at(Duration.ofMinutes(-1)).verifyAccessToken(token));
    }

    @Test
    void notBeforeInTheFutureIsRejectedEvenWithAValidSignature() {
      String token = validAccessClaims().withNotBefore(NOW.plusSeconds(60)).sign(hs256(SECRET));

      assertRejected(() -> tokens.verifyAccessToken(token));
      assertEquals(ACCESS, at(Duration.ofSeconds(60)).verifyAccessToken(token));
    }
  }

  @Nested
  class KeyIdsAndRotation {
    @Test
    void keyIdIsDerivedFromTheSecret() {
      assertEquals(KID, tokens.signingKeyId());
      assertEquals(8, KID.length());
      assertEquals(KID, SigningKey.fromSecret(SECRET.getBytes(StandardCharsets.UTF_8)).kid());
      assertNotEquals(KID, kidOf(OLD_SECRET));
    }

    @Test
    void tokenWithoutKeyIdIsRejected() {
      String token = validAccessClaims().withKeyId(null).sign(hs256(SECRET));
      String handMade = handMade("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");

      assertNull(JWT.decode(token).getKeyId());
      assertRejected(() -> tokens.verifyAccessToken(token));
      assertRejected(() -> tokens.verifyAccessToken(handMade));
    }

    @ParameterizedTest
    @ValueSource(strings = {"unknown", "", "00000000"})
    void tokenWithUnknownKeyIdIsRejected(String kid) {
      String token = validAccessClaims().withKeyId(kid).sign(hs256(SECRET));

      assertRejected(() -> tokens.verifyAccessToken(token));
    }

    @Test
    void nonTextKeyIdIsRejected() {
      assertRejected(() -> tokens.verifyAccessToken(handMade("{\"alg\":\"HS256\",\"kid\":42}")));
      assertRejected(
          () ->
              tokens.verifyAccessToken(handMade("{\"alg\":\"HS256\",\"kid\":[\"" + KID + "\"]}")));
    }

    @Test
    void newServiceSignsWithTheFirstKeyAndStillAcceptsTokensOfThePreviousOne() {
      JwtTokenService before = serviceAt(CLOCK, OLD_SECRET);
      String oldAccess = before.issueAccessToken(ACCESS);
      String oldVisitor = before.issueVisitorToken(VISITOR);
      String oldMfa = before.issueMfaToken(USER);

      JwtTokenService after = serviceAt(CLOCK, SECRET, OLD_SECRET);
      String fresh = after.issueAccessToken(ACCESS);

      assertEquals(ACCESS, after.verifyAccessToken(oldAccess));
      assertEquals(VISITOR, after.verifyVisitorToken(oldVisitor));
      assertEquals(USER, after.verifyMfaToken(oldMfa));
      assertEquals(ACCESS, after.verifyAccessToken(fresh));
      assertEquals(KID, JWT.decode(fresh).getKeyId());
      assertEquals(kidOf(OLD_SECRET), JWT.decode(oldAccess).getKeyId());
      // the old service does not know the new key
      assertRejected(() -> before.verifyAccessToken(fresh));
    }

    @Test
    void removingAKeyInvalidatesItsTokens() {
      String oldToken = serviceAt(CLOCK, OLD_SECRET).issueAccessToken(ACCESS);
      String newToken = serviceAt(CLOCK, SECRET, OLD_SECRET).issueAccessToken(ACCESS);

      JwtTokenService retired = serviceAt(CLOCK, SECRET);

      assertRejected(() -> retired.verifyAccessToken(oldToken));
      assertEquals(ACCESS, retired.verifyAccessToken(newToken));
    }

    @Test
    void keyIdOfOneKeyWithTheSignatureOfAnotherIsRejected() {
      JwtTokenService both = serviceAt(CLOCK, SECRET, OLD_SECRET);
      String swapped = validAccessClaims().withKeyId(kidOf(OLD_SECRET)).sign(hs256(SECRET));

      assertRejected(() -> both.verifyAccessToken(swapped));
    }

    @Test
    void explicitKeysWorkLikeDerivedOnes() {
      byte[] current = SECRET.getBytes(StandardCharsets.UTF_8);
      byte[] old = OLD_SECRET.getBytes(StandardCharsets.UTF_8);
      JwtTokenService explicit =
          new JwtTokenService(
              List.of(new SigningKey("2026-11", current), new SigningKey("2026-05", old)), CLOCK);
      String oldToken =
          new JwtTokenService(List.of(new SigningKey("2026-05", old)), CLOCK)
              .issueAccessToken(ACCESS);

      assertEquals("2026-11", JWT.decode(explicit.issueAccessToken(ACCESS)).getKeyId());
      assertEquals(ACCESS, explicit.verifyAccessToken(oldToken));
      assertEquals("2026-11", explicit.signingKeyId());
    }

    @Test
    void byteFactoryAndTextFactoryAgree() {
      JwtTokenService fromBytes =
          JwtTokenService.fromSecrets(
              SECRET.getBytes(StandardCharsets.UTF_8),
              List.of(OLD_SECRET.getBytes(StandardCharsets.UTF_8)),
              CLOCK);
      String oldToken = serviceAt(CLOCK, OLD_SECRET).issueAccessToken(ACCESS);

      assertEquals(ACCESS, fromBytes.verifyAccessToken(tokens.issueAccessToken(ACCESS)));
      assertEquals(ACCESS, fromBytes.verifyAccessToken(oldToken));
      assertEquals(KID, fromBytes.signingKeyId());
    }

    @Test
    void previousSecretsAreCommaSeparatedTrimmedAndBlanksIgnored() {
      String oldToken = serviceAt(CLOCK, OLD_SECRET).issueAccessToken(ACCESS);
      String otherToken = serviceAt(CLOCK, OTHER_SECRET).issueAccessToken(ACCESS);

      JwtTokenService service =
          JwtTokenService.fromSecrets(
              SECRET, " " + OLD_SECRET + " ,, " + OTHER_SECRET + ",", CLOCK);

      assertEquals(ACCESS, service.verifyAccessToken(oldToken));
      assertEquals(ACCESS, service.verifyAccessToken(otherToken));
      assertEquals(KID, service.signingKeyId());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", " , "})
    void noPreviousSecretsMeansOnlyTheCurrentKey(String previous) {
      JwtTokenService service = JwtTokenService.fromSecrets(SECRET, previous, CLOCK);
      String oldToken = serviceAt(CLOCK, OLD_SECRET).issueAccessToken(ACCESS);

      assertEquals(ACCESS, service.verifyAccessToken(tokens.issueAccessToken(ACCESS)));
      assertRejected(() -> service.verifyAccessToken(oldToken));
    }
  }

  @Nested
  class Construction {
    @Test
    void rejectsShortSecrets() {
      assertThrows(
          IllegalArgumentException.class,
          () -> JwtTokenService.fromSecrets("too-short", null, CLOCK));
      assertThrows(
          IllegalArgumentException.class,
          () -> JwtTokenService.fromSecrets(SECRET, "too-short", CLOCK));
      assertThrows(
          IllegalArgumentException.class,
          () -> JwtTokenService.fromSecrets(new byte[31], List.of(), CLOCK));
      assertThrows(IllegalArgumentException.class, () -> new SigningKey("k", new byte[31]));
    }

    @Test
    void rejectsBlankKeyIdsAndNoKeys() {
      assertThrows(IllegalArgumentException.class, () -> new SigningKey(" ", new byte[32]));
      assertThrows(IllegalArgumentException.class, () -> new JwtTokenService(List.of(), CLOCK));
    }

    @Test
    void rejectsTheSameKeyIdTwice() {
      assertThrows(
          IllegalArgumentException.class, () -> JwtTokenService.fromSecrets(SECRET, SECRET, CLOCK));
      assertThrows(
          IllegalArgumentException.class,
          () ->
              new JwtTokenService(
                  List.of(new SigningKey("a", new byte[32]), new SigningKey("a", new byte[33])),
                  CLOCK));
    }

    @Test
    void signingKeyCopiesItsSecretAndNeverPrintsIt() {
      byte[] secret = SECRET.getBytes(StandardCharsets.UTF_8);
      SigningKey key = new SigningKey("k1", secret);
      secret[0] = 'X';
      byte[] read = key.secret();
      read[1] = 'Y';

      assertEquals(SECRET, new String(key.secret(), StandardCharsets.UTF_8));
      assertEquals("SigningKey[kid=k1]", key.toString());
      assertFalse(key.toString().contains(SECRET));
      assertEquals(key, new SigningKey("k1", SECRET.getBytes(StandardCharsets.UTF_8)));
      assertEquals(
          key.hashCode(), new SigningKey("k1", SECRET.getBytes(StandardCharsets.UTF_8)).hashCode());
      assertNotEquals(key, new SigningKey("k2", SECRET.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void keysChangedAfterConstructionDoNotAffectTheService() {
      byte[] secret = SECRET.getBytes(StandardCharsets.UTF_8);
      JwtTokenService service = JwtTokenService.fromSecrets(secret, List.of(), CLOCK);
      secret[0] = 'X';

      assertEquals(ACCESS, tokens.verifyAccessToken(service.issueAccessToken(ACCESS)));
    }
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
    assertRejected(() -> tokens.verifyMfaToken(token));
  }

  @Test
  void everyKindOfFailureLooksTheSame() {
    // assertRejected checks the one generic message: no failure tells the caller why
    List<Function<String, Object>> verifications =
        List.of(tokens::verifyAccessToken, tokens::verifyVisitorToken, tokens::verifyMfaToken);
    List<String> bad =
        List.of(
            "garbage",
            at(Duration.ofDays(-1)).issueMfaToken(USER),
            serviceAt(CLOCK, OTHER_SECRET).issueAccessToken(ACCESS),
            validAccessClaims().withKeyId("unknown").sign(hs256(SECRET)),
            validAccessClaims().withAudience("minichat-nowhere").sign(hs256(SECRET)));

    for (Function<String, Object> verification : verifications) {
      for (String token : bad) {
        assertRejected(() -> verification.apply(token));
      }
    }
  }

  private static JWTCreator.Builder validAccessClaims() {
    return JWT.create()
        .withKeyId(KID)
        .withIssuer("minichat")
        .withAudience("minichat-api")
        .withSubject("user-1")
        .withClaim("typ", "access")
        .withClaim("ver", 3)
        .withIssuedAt(NOW)
        .withNotBefore(NOW)
        .withExpiresAt(NOW.plusSeconds(900));
  }

  /** Claims of a valid access token as a map, for {@code JWTCreator.Builder.withPayload}. */
  private static final class Claims {
    static Map<String, Object> access() {
      return Map.of(
          "iss", "minichat",
          "aud", "minichat-api",
          "sub", "user-1",
          "typ", "access",
          "ver", 3,
          "nbf", NOW.getEpochSecond(),
          "exp", NOW.plusSeconds(900).getEpochSecond());
    }
  }

  private static String accessPayloadJson(String subject) {
    return "{\"iss\":\"minichat\",\"aud\":\"minichat-api\",\"sub\":\""
        + subject
        + "\",\"typ\":\"access\",\"ver\":3,\"iat\":"
        + NOW.getEpochSecond()
        + ",\"nbf\":"
        + NOW.getEpochSecond()
        + ",\"exp\":"
        + NOW.plusSeconds(900).getEpochSecond()
        + "}";
  }

  /**
   * A token with the given header and a valid access payload, signed with a genuine HMAC-SHA256 of
   * our secret whatever the header claims.
   */
  private static String handMade(String headerJson) {
    String signingInput = base64Url(headerJson) + "." + base64Url(accessPayloadJson("user-1"));
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] signature = mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  private static Algorithm hs256(String secret) {
    return Algorithm.HMAC256(secret.getBytes(StandardCharsets.UTF_8));
  }

  private static String base64Url(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static void assertRejected(Executable verification) {
    AuthenticationException e = assertThrows(AuthenticationException.class, verification);
    assertEquals(ErrorCode.AUTHENTICATION_FAILED, e.code());
    assertEquals(GENERIC_MESSAGE, e.getMessage());
  }
}
