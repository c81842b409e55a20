package com.minichat.application.service.account;

import com.minichat.application.port.out.security.SecretHasher;
import com.minichat.application.port.out.user.OneTimeTokenRepository;
import com.minichat.domain.common.Identifiers;
import com.minichat.domain.common.ValidationException;
import com.minichat.domain.user.OneTimeToken;
import com.minichat.domain.user.TokenPurpose;
import com.minichat.domain.user.UserId;
import java.time.Clock;
import java.time.Instant;

/** Creates and redeems the single-use tokens sent by e-mail; only their hashes are stored. */
public final class OneTimeTokens {
  private final OneTimeTokenRepository repository;
  private final SecretHasher hasher;
  private final String publicBaseUrl;
  private final Clock clock;

  public OneTimeTokens(
      OneTimeTokenRepository repository, SecretHasher hasher, String publicBaseUrl, Clock clock) {
    this.repository = repository;
    this.hasher = hasher;
    this.publicBaseUrl = publicBaseUrl;
    this.clock = clock;
  }

  /**
   * A link carrying a new token for {@code purpose}; earlier tokens of the same purpose stop
   * working, so only the newest e-mail counts.
   */
  public String link(UserId userId, TokenPurpose purpose, String path) {
    Instant now = clock.instant();
    repository.invalidateAll(userId, purpose, now);
    String token = Identifiers.random(32);
    repository.insert(
        new OneTimeToken(
            Identifiers.random(12),
            userId,
            purpose,
            hasher.hash(token),
            now,
            now.plus(purpose.lifetime()),
            null));
    return publicBaseUrl + path + "?token=" + token;
  }

  /**
   * The user a still-usable token is for, without using it up.
   *
   * @throws ValidationException when the token is unknown, expired or already used
   */
  public UserId peek(String token, TokenPurpose purpose) {
    return repository
        .findUsable(hasher.hash(required(token)), purpose, clock.instant())
        .map(OneTimeToken::userId)
        .orElseThrow(OneTimeTokens::unusable);
  }

  /**
   * The user the token was for, using it up.
   *
   * @throws ValidationException when the token is unknown, expired or already used
   */
  public UserId redeem(String token, TokenPurpose purpose) {
    return repository
        .consume(hasher.hash(required(token)), purpose, clock.instant())
        .map(OneTimeToken::userId)
        .orElseThrow(OneTimeTokens::unusable);
  }

  private static String required(String token) {
    if (token == null || token.isBlank()) {
      throw new ValidationException("token", "is required");
    }
    return token.strip();
  }

  private static ValidationException unusable() {
    return new ValidationException(
        "token", "is invalid, expired or already used; ask for a new e-mail");
  }
}
