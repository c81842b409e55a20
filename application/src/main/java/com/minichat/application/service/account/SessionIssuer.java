package com.minichat.application.service.account;

import com.minichat.application.port.in.account.Session;
import com.minichat.application.port.out.security.AccessClaims;
import com.minichat.application.port.out.security.SecretHasher;
import com.minichat.application.port.out.security.TokenService;
import com.minichat.application.port.out.session.RefreshTokenRepository;
import com.minichat.domain.common.Identifiers;
import com.minichat.domain.session.RefreshToken;
import com.minichat.domain.user.User;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/** Creates sessions (access token + refresh token of a family) and ends them. */
public final class SessionIssuer {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final TokenService tokens;
  private final RefreshTokenRepository refreshTokens;
  private final SecretHasher secretHasher;
  private final Duration refreshLifetime;
  private final Clock clock;

  public SessionIssuer(
      TokenService tokens,
      RefreshTokenRepository refreshTokens,
      SecretHasher secretHasher,
      Duration refreshLifetime,
      Clock clock) {
    this.tokens = tokens;
    this.refreshTokens = refreshTokens;
    this.secretHasher = secretHasher;
    this.refreshLifetime = refreshLifetime;
    this.clock = clock;
  }

  /** A new session: a new refresh-token family. */
  public Session start(User user) {
    return issue(user, Identifiers.random(12));
  }

  /** The next session of an existing family (after a refresh, or to keep the caller signed in). */
  public Session issue(User user, String familyId) {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String refreshToken = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    Instant now = clock.instant();
    Instant expiresAt = now.plus(refreshLifetime);
    refreshTokens.insert(
        new RefreshToken(
            Identifiers.random(12),
            familyId,
            user.id(),
            secretHasher.hash(refreshToken),
            now,
            expiresAt,
            null,
            null));
    String accessToken =
        tokens.issueAccessToken(new AccessClaims(user.id(), user.sessionVersion()));
    return new Session(accessToken, refreshToken, expiresAt, user);
  }

  /** The stored token behind a refresh-token secret, if any. */
  public Optional<RefreshToken> find(String refreshToken) {
    if (refreshToken == null || refreshToken.isBlank()) {
      return Optional.empty();
    }
    return refreshTokens.findByHash(secretHasher.hash(refreshToken));
  }

  /**
   * Ends every session of {@code user} except the one of {@code currentRefreshToken} (when it
   * belongs to the user), and returns fresh tokens for that one, or a new session.
   */
  public Session keepOnlyCurrent(User user, String currentRefreshToken) {
    Instant now = clock.instant();
    Optional<RefreshToken> current =
        find(currentRefreshToken)
            .filter(token -> token.userId().equals(user.id()) && token.revokedAt() == null)
            .filter(token -> refreshTokens.markUsed(token.id(), now));
    refreshTokens.revokeAllOfUser(user.id(), current.map(RefreshToken::familyId).orElse(null), now);
    return current.map(token -> issue(user, token.familyId())).orElseGet(() -> start(user));
  }
}
