package com.minichat.adapters.security;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.auth0.jwt.interfaces.Verification;
import com.minichat.application.port.out.security.TokenService;
import com.minichat.application.port.out.security.VisitorClaims;
import com.minichat.domain.common.AuthenticationException;
import com.minichat.domain.conversation.ConversationId;
import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.WorkspaceId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link TokenService} issuing HMAC-SHA256 signed JWTs.
 *
 * <p>Access tokens (dashboard users) and visitor tokens (widget conversations) share the issuer but
 * differ in audience and in the {@code typ} claim, so neither kind is accepted where the other is
 * expected. The verifier is pinned to HS256 (tokens with {@code alg: none} or another algorithm are
 * rejected), requires {@code exp} and {@code nbf}, and reads the time from the injected clock.
 * Every failure becomes the same {@link AuthenticationException} message so that callers learn
 * nothing about why a token was refused; the reason is logged at DEBUG.
 */
public final class JwtTokenService implements TokenService {
  /** Value of the {@code iss} claim of every token. */
  public static final String ISSUER = "minichat";

  /** Audience of access tokens. */
  public static final String ACCESS_AUDIENCE = "minichat-api";

  /** Audience of visitor tokens. */
  public static final String VISITOR_AUDIENCE = "minichat-widget";

  /** How long an access token is valid. */
  public static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofMinutes(15);

  /** How long a visitor token is valid. */
  public static final Duration VISITOR_TOKEN_LIFETIME = Duration.ofDays(30);

  /** Shortest secret accepted: HS256 needs a key of at least the hash size (RFC 7518 §3.2). */
  public static final int MIN_SECRET_BYTES = 32;

  static final String TYPE_CLAIM = "typ";
  static final String WORKSPACE_CLAIM = "wid";
  static final String ACCESS_TYPE = "access";
  static final String VISITOR_TYPE = "visitor";

  private static final Logger LOG = LoggerFactory.getLogger(JwtTokenService.class);
  private static final String INVALID_TOKEN = "The token is invalid or has expired";

  private final Algorithm algorithm;
  private final Clock clock;
  private final JWTVerifier accessVerifier;
  private final JWTVerifier visitorVerifier;

  /**
   * Creates a token service.
   *
   * @param secret the HMAC key, at least {@value #MIN_SECRET_BYTES} bytes of high entropy
   * @param clock the time source for issuing and for checking {@code exp}/{@code nbf}
   */
  public JwtTokenService(byte[] secret, Clock clock) {
    Objects.requireNonNull(secret, "secret");
    if (secret.length < MIN_SECRET_BYTES) {
      throw new IllegalArgumentException(
          "the JWT secret must be at least " + MIN_SECRET_BYTES + " bytes");
    }
    this.clock = Objects.requireNonNull(clock, "clock");
    this.algorithm = Algorithm.HMAC256(secret.clone());
    this.accessVerifier = verifier(ACCESS_AUDIENCE, ACCESS_TYPE);
    this.visitorVerifier = verifier(VISITOR_AUDIENCE, VISITOR_TYPE, WORKSPACE_CLAIM);
  }

  /**
   * Creates a token service from a text secret, taken as its UTF-8 bytes.
   *
   * @param secret the HMAC key, at least {@value #MIN_SECRET_BYTES} UTF-8 bytes of high entropy
   * @param clock the time source for issuing and for checking {@code exp}/{@code nbf}
   */
  public JwtTokenService(String secret, Clock clock) {
    this(Objects.requireNonNull(secret, "secret").getBytes(StandardCharsets.UTF_8), clock);
  }

  @Override
  public String issueAccessToken(UserId userId) {
    return token(ACCESS_AUDIENCE, ACCESS_TYPE, userId.value(), ACCESS_TOKEN_LIFETIME)
        .sign(algorithm);
  }

  @Override
  public UserId verifyAccessToken(String token) {
    DecodedJWT jwt = verify(accessVerifier, token);
    try {
      return new UserId(jwt.getSubject());
    } catch (IllegalArgumentException e) {
      throw rejected("blank subject");
    }
  }

  @Override
  public String issueVisitorToken(VisitorClaims claims) {
    return token(
            VISITOR_AUDIENCE, VISITOR_TYPE, claims.conversationId().value(), VISITOR_TOKEN_LIFETIME)
        .withClaim(WORKSPACE_CLAIM, claims.workspaceId().value())
        .sign(algorithm);
  }

  /** The claims every token carries: issuer, audience, type, subject, id and validity window. */
  private JWTCreator.Builder token(
      String audience, String type, String subject, Duration lifetime) {
    Instant now = now();
    return JWT.create()
        .withIssuer(ISSUER)
        .withAudience(audience)
        .withSubject(subject)
        .withClaim(TYPE_CLAIM, type)
        .withJWTId(UUID.randomUUID().toString())
        .withIssuedAt(now)
        .withNotBefore(now)
        .withExpiresAt(now.plus(lifetime));
  }

  @Override
  public VisitorClaims verifyVisitorToken(String token) {
    DecodedJWT jwt = verify(visitorVerifier, token);
    try {
      return new VisitorClaims(
          new WorkspaceId(jwt.getClaim(WORKSPACE_CLAIM).asString()),
          new ConversationId(jwt.getSubject()));
    } catch (IllegalArgumentException e) {
      throw rejected("blank subject or workspace");
    }
  }

  /** A verifier pinned to HS256 that demands every claim this service issues. */
  private JWTVerifier verifier(String audience, String type, String... requiredClaims) {
    Verification verification =
        JWT.require(algorithm)
            .withIssuer(ISSUER)
            .withAudience(audience)
            .withClaim(TYPE_CLAIM, type)
            .withClaimPresence("sub")
            .withClaimPresence("exp")
            .withClaimPresence("nbf");
    for (String claim : requiredClaims) {
      verification = verification.withClaimPresence(claim);
    }
    // only BaseVerification takes a clock; JWT.require always returns one
    return ((JWTVerifier.BaseVerification) verification).build(clock);
  }

  private DecodedJWT verify(JWTVerifier verifier, String token) {
    if (token == null || token.isBlank()) {
      throw rejected("missing");
    }
    try {
      return verifier.verify(token);
    } catch (JWTVerificationException | IllegalArgumentException e) {
      // JWTDecodeException (garbage) is a JWTVerificationException too
      throw rejected(e.getClass().getSimpleName());
    }
  }

  private static AuthenticationException rejected(String reason) {
    LOG.debug("token rejected reason={}", reason);
    return new AuthenticationException(INVALID_TOKEN);
  }

  /** JWT times have whole seconds; truncating keeps issued and verified times identical. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }
}
