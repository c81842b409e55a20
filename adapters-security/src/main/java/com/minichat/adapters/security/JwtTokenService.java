package com.minichat.adapters.security;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.auth0.jwt.interfaces.Verification;
import com.minichat.application.port.out.security.AccessClaims;
import com.minichat.application.port.out.security.TokenService;
import com.minichat.application.port.out.security.VisitorClaims;
import com.minichat.domain.common.AuthenticationException;
import com.minichat.domain.conversation.ConversationId;
import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.WorkspaceId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link TokenService} issuing HMAC-SHA256 signed JWTs, with named keys for rotation.
 *
 * <p>Three kinds of token share the issuer but differ in audience and in the {@code typ} claim, so
 * no kind is accepted where another is expected:
 *
 * <ul>
 *   <li>access tokens (dashboard users): audience {@value #ACCESS_AUDIENCE}, {@code typ} {@code
 *       access}, the session version in {@code ver}, valid 15 minutes;
 *   <li>visitor tokens (widget conversations): audience {@value #VISITOR_AUDIENCE}, {@code typ}
 *       {@code visitor}, the workspace in {@code wid}, valid 30 days;
 *   <li>MFA tokens (password step of a sign-in passed, 2FA code pending): audience {@value
 *       #MFA_AUDIENCE}, {@code typ} {@code mfa}, valid 5 minutes.
 * </ul>
 *
 * <p><b>Keys.</b> The service holds an ordered list of {@link SigningKey}s: the first signs every
 * new token and writes its id into the {@code kid} header; all of them verify. Verification picks
 * the key named by {@code kid} and refuses tokens without a {@code kid} or with one that is not
 * listed. To rotate, put a new key first and keep the old one second until the longest-lived tokens
 * it signed (visitor tokens, 30 days) have expired; then drop it, which invalidates whatever it
 * still signed.
 *
 * <p><b>Configuration</b> (read by {@code bootstrap}, handed to {@link #fromSecrets(String, String,
 * Clock)}):
 *
 * <ul>
 *   <li>{@code JWT_SECRET} — the current key, at least {@value #MIN_SECRET_BYTES} bytes in UTF-8;
 *   <li>{@code JWT_PREVIOUS_SECRETS} — optional, comma-separated older keys that still verify (each
 *       trimmed, empty items ignored; a secret therefore cannot contain a comma).
 * </ul>
 *
 * The key id of each secret is derived from it ({@link SigningKey#fromSecret(byte[])}: the first 8
 * hex characters of its SHA-256), so operators never configure ids and the same secret always gets
 * the same id on every instance.
 *
 * <p><b>Verification</b> is pinned to HS256 (tokens with {@code alg: none}, RS256, ES256, HS384…
 * are rejected even if the rest is genuine), requires {@code iss}, {@code aud}, {@code typ}, {@code
 * sub}, {@code exp} and {@code nbf}, and reads the time from the injected clock. Every failure
 * becomes the same {@link AuthenticationException} message so that callers learn nothing about why
 * a token was refused; the reason is logged at DEBUG.
 */
public final class JwtTokenService implements TokenService {
  /** Value of the {@code iss} claim of every token. */
  public static final String ISSUER = "minichat";

  /** Audience of access tokens. */
  public static final String ACCESS_AUDIENCE = "minichat-api";

  /** Audience of visitor tokens. */
  public static final String VISITOR_AUDIENCE = "minichat-widget";

  /** Audience of MFA tokens. */
  public static final String MFA_AUDIENCE = "minichat-mfa";

  /** How long an access token is valid. */
  public static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofMinutes(15);

  /** How long a visitor token is valid. */
  public static final Duration VISITOR_TOKEN_LIFETIME = Duration.ofDays(30);

  /** How long an MFA token is valid. */
  public static final Duration MFA_TOKEN_LIFETIME = Duration.ofMinutes(5);

  /** Shortest secret accepted: HS256 needs a key of at least the hash size (RFC 7518 §3.2). */
  public static final int MIN_SECRET_BYTES = 32;

  static final String TYPE_CLAIM = "typ";
  static final String WORKSPACE_CLAIM = "wid";
  static final String SESSION_VERSION_CLAIM = "ver";
  static final String ACCESS_TYPE = "access";
  static final String VISITOR_TYPE = "visitor";
  static final String MFA_TYPE = "mfa";

  private static final Logger LOG = LoggerFactory.getLogger(JwtTokenService.class);
  private static final String INVALID_TOKEN = "The token is invalid or has expired";

  private final Clock clock;
  private final String signingKid;
  private final Algorithm signingAlgorithm;
  private final Map<String, Verifiers> verifiersByKid;

  /**
   * Creates a token service.
   *
   * @param keys the keys, newest first: the first signs new tokens, all of them verify; ids must be
   *     distinct and every secret at least {@value #MIN_SECRET_BYTES} bytes of high entropy
   * @param clock the time source for issuing and for checking {@code exp}/{@code nbf}
   * @throws IllegalArgumentException when the list is empty or has two keys with the same id
   */
  public JwtTokenService(List<SigningKey> keys, Clock clock) {
    Objects.requireNonNull(keys, "keys");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("at least one JWT signing key is required");
    }
    Map<String, Verifiers> verifiers = new LinkedHashMap<>();
    for (SigningKey key : keys) {
      Objects.requireNonNull(key, "key");
      Algorithm algorithm = Algorithm.HMAC256(key.secret());
      if (verifiers.put(key.kid(), new Verifiers(algorithm, clock)) != null) {
        throw new IllegalArgumentException("two JWT signing keys have the id " + key.kid());
      }
    }
    this.verifiersByKid = Map.copyOf(verifiers);
    this.signingKid = keys.get(0).kid();
    this.signingAlgorithm = Algorithm.HMAC256(keys.get(0).secret());
  }

  /**
   * Creates a token service from raw secrets, deriving each key id with {@link
   * SigningKey#fromSecret(byte[])}.
   *
   * @param current the key that signs new tokens (and verifies)
   * @param previous older keys whose tokens are still accepted, in any order; may be empty
   * @param clock the time source
   * @throws IllegalArgumentException when a secret is shorter than {@value #MIN_SECRET_BYTES} bytes
   *     or is listed twice
   */
  public static JwtTokenService fromSecrets(byte[] current, List<byte[]> previous, Clock clock) {
    Objects.requireNonNull(previous, "previous");
    List<SigningKey> keys = new ArrayList<>(previous.size() + 1);
    keys.add(SigningKey.fromSecret(current));
    for (byte[] secret : previous) {
      keys.add(SigningKey.fromSecret(secret));
    }
    return new JwtTokenService(keys, clock);
  }

  /**
   * Creates a token service from the configured text secrets (see the class comment): {@code
   * JWT_SECRET} and {@code JWT_PREVIOUS_SECRETS}, each secret taken as its UTF-8 bytes.
   *
   * @param current the value of {@code JWT_SECRET}
   * @param previousCommaSeparated the value of {@code JWT_PREVIOUS_SECRETS}; {@code null} or blank
   *     when there are no previous keys
   * @param clock the time source
   * @throws IllegalArgumentException when a secret is shorter than {@value #MIN_SECRET_BYTES} bytes
   *     or is listed twice
   */
  public static JwtTokenService fromSecrets(
      String current, String previousCommaSeparated, Clock clock) {
    Objects.requireNonNull(current, "current");
    List<byte[]> previous = new ArrayList<>();
    if (previousCommaSeparated != null) {
      for (String secret : previousCommaSeparated.split(",")) {
        if (!secret.isBlank()) {
          previous.add(secret.strip().getBytes(StandardCharsets.UTF_8));
        }
      }
    }
    return fromSecrets(current.getBytes(StandardCharsets.UTF_8), previous, clock);
  }

  @Override
  public String issueAccessToken(AccessClaims claims) {
    return token(ACCESS_AUDIENCE, ACCESS_TYPE, claims.userId().value(), ACCESS_TOKEN_LIFETIME)
        .withClaim(SESSION_VERSION_CLAIM, claims.sessionVersion())
        .sign(signingAlgorithm);
  }

  @Override
  public AccessClaims verifyAccessToken(String token) {
    DecodedJWT jwt = verify(token, Verifiers::access);
    Integer sessionVersion = jwt.getClaim(SESSION_VERSION_CLAIM).asInt();
    if (sessionVersion == null) {
      throw rejected("session version is not a number");
    }
    return new AccessClaims(userId(jwt), sessionVersion);
  }

  @Override
  public String issueVisitorToken(VisitorClaims claims) {
    return token(
            VISITOR_AUDIENCE, VISITOR_TYPE, claims.conversationId().value(), VISITOR_TOKEN_LIFETIME)
        .withClaim(WORKSPACE_CLAIM, claims.workspaceId().value())
        .sign(signingAlgorithm);
  }

  @Override
  public VisitorClaims verifyVisitorToken(String token) {
    DecodedJWT jwt = verify(token, Verifiers::visitor);
    try {
      return new VisitorClaims(
          new WorkspaceId(jwt.getClaim(WORKSPACE_CLAIM).asString()),
          new ConversationId(jwt.getSubject()));
    } catch (IllegalArgumentException e) {
      throw rejected("blank subject or workspace");
    }
  }

  @Override
  public String issueMfaToken(UserId userId) {
    return token(MFA_AUDIENCE, MFA_TYPE, userId.value(), MFA_TOKEN_LIFETIME).sign(signingAlgorithm);
  }

  @Override
  public UserId verifyMfaToken(String token) {
    return userId(verify(token, Verifiers::mfa));
  }

  /** The id of the key that signs new tokens. */
  public String signingKeyId() {
    return signingKid;
  }

  /**
   * The claims every token carries: key id, issuer, audience, type, subject, id and validity
   * window.
   */
  private JWTCreator.Builder token(
      String audience, String type, String subject, Duration lifetime) {
    Instant now = now();
    return JWT.create()
        .withKeyId(signingKid)
        .withIssuer(ISSUER)
        .withAudience(audience)
        .withSubject(subject)
        .withClaim(TYPE_CLAIM, type)
        .withJWTId(UUID.randomUUID().toString())
        .withIssuedAt(now)
        .withNotBefore(now)
        .withExpiresAt(now.plus(lifetime));
  }

  private DecodedJWT verify(String token, Function<Verifiers, JWTVerifier> kind) {
    if (token == null || token.isBlank()) {
      throw rejected("missing");
    }
    try {
      // decoding only parses; nothing in the token is trusted until the verifier has run
      DecodedJWT unverified = JWT.decode(token);
      String kid = unverified.getKeyId();
      if (kid == null) {
        throw rejected("no key id");
      }
      Verifiers verifiers = verifiersByKid.get(kid);
      if (verifiers == null) {
        throw rejected("unknown key id");
      }
      return kind.apply(verifiers).verify(unverified);
    } catch (JWTVerificationException | IllegalArgumentException e) {
      // JWTDecodeException (garbage) is a JWTVerificationException too
      throw rejected(e.getClass().getSimpleName());
    }
  }

  private static UserId userId(DecodedJWT jwt) {
    try {
      return new UserId(jwt.getSubject());
    } catch (IllegalArgumentException e) {
      throw rejected("blank subject");
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

  /** The three verifiers of one key, each pinned to HS256 and demanding every claim we issue. */
  private record Verifiers(JWTVerifier access, JWTVerifier visitor, JWTVerifier mfa) {
    Verifiers(Algorithm algorithm, Clock clock) {
      this(
          verifier(algorithm, clock, ACCESS_AUDIENCE, ACCESS_TYPE, SESSION_VERSION_CLAIM),
          verifier(algorithm, clock, VISITOR_AUDIENCE, VISITOR_TYPE, WORKSPACE_CLAIM),
          verifier(algorithm, clock, MFA_AUDIENCE, MFA_TYPE));
    }

    private static JWTVerifier verifier(
        Algorithm algorithm, Clock clock, String audience, String type, String... required) {
      Verification verification =
          JWT.require(algorithm)
              .withIssuer(ISSUER)
              .withAudience(audience)
              .withClaim(TYPE_CLAIM, type)
              .withClaimPresence("sub")
              .withClaimPresence("exp")
              .withClaimPresence("nbf");
      for (String claim : required) {
        verification = verification.withClaimPresence(claim);
      }
      // only BaseVerification takes a clock; JWT.require always returns one
      return ((JWTVerifier.BaseVerification) verification).build(clock);
    }
  }

  /**
   * A named HMAC key.
   *
   * @param kid the key id written into the {@code kid} header of the tokens it signs; not blank
   * @param secret the HMAC key, at least {@value JwtTokenService#MIN_SECRET_BYTES} bytes of high
   *     entropy (copied, never printed)
   */
  public record SigningKey(String kid, byte[] secret) {
    /**
     * Creates a key, copying the secret.
     *
     * @throws IllegalArgumentException when the id is blank or the secret too short
     */
    public SigningKey {
      Objects.requireNonNull(kid, "kid");
      Objects.requireNonNull(secret, "secret");
      if (kid.isBlank()) {
        throw new IllegalArgumentException("a JWT key id must not be blank");
      }
      if (secret.length < MIN_SECRET_BYTES) {
        throw new IllegalArgumentException(
            "a JWT secret must be at least " + MIN_SECRET_BYTES + " bytes");
      }
      secret = secret.clone();
    }

    /**
     * A key whose id is derived from the secret: the first 8 hex characters of its SHA-256. The id
     * is public (it travels in every token) and reveals nothing usable about a high-entropy secret.
     */
    public static SigningKey fromSecret(byte[] secret) {
      Objects.requireNonNull(secret, "secret");
      try {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret);
        return new SigningKey(HexFormat.of().formatHex(digest, 0, 4), secret);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-256 is not available", e);
      }
    }

    /** A copy of the secret. */
    @Override
    public byte[] secret() {
      return secret.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof SigningKey key
          && kid.equals(key.kid)
          && MessageDigest.isEqual(secret, key.secret);
    }

    @Override
    public int hashCode() {
      return 31 * kid.hashCode() + Arrays.hashCode(secret);
    }

    /** Shows the id only, never the secret. */
    @Override
    public String toString() {
      return "SigningKey[kid=" + kid + "]";
    }
  }
}
