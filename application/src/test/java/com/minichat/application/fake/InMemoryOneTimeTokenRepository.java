package com.minichat.application.fake;

import static com.minichat.application.fake.InMemoryPaging.millis;
import static com.minichat.application.fake.InMemoryPaging.millisOrNull;

import com.minichat.application.port.out.user.OneTimeTokenRepository;
import com.minichat.domain.common.ConflictException;
import com.minichat.domain.user.OneTimeToken;
import com.minichat.domain.user.TokenPurpose;
import com.minichat.domain.user.UserId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Thread-safe in-memory {@link OneTimeTokenRepository} with the same semantics as the real
 * adapters: unique ids and token hashes, instants kept at millisecond precision, a token usable
 * while {@code now < expiresAt} and consumed at most once. Invalidated tokens get {@code usedAt}.
 */
public final class InMemoryOneTimeTokenRepository implements OneTimeTokenRepository {
  private final Map<String, OneTimeToken> tokens = new LinkedHashMap<>();

  @Override
  public synchronized void insert(OneTimeToken token) {
    Objects.requireNonNull(token, "token");
    boolean taken =
        tokens.values().stream()
            .anyMatch(
                other ->
                    other.id().equals(token.id()) || other.tokenHash().equals(token.tokenHash()));
    if (taken) {
      throw new ConflictException("This token already exists");
    }
    tokens.put(token.id(), stored(token, token.usedAt()));
  }

  @Override
  public synchronized Optional<OneTimeToken> findUsable(
      String tokenHash, TokenPurpose purpose, Instant now) {
    Instant at = millis(now);
    return tokens.values().stream()
        .filter(token -> token.tokenHash().equals(tokenHash))
        .filter(token -> token.purpose() == purpose)
        .filter(token -> token.usedAt() == null && token.expiresAt().isAfter(at))
        .findFirst();
  }

  @Override
  public synchronized Optional<OneTimeToken> consume(
      String tokenHash, TokenPurpose purpose, Instant now) {
    return findUsable(tokenHash, purpose, now)
        .map(
            token -> {
              OneTimeToken used = stored(token, now);
              tokens.put(used.id(), used);
              return used;
            });
  }

  @Override
  public synchronized void invalidateAll(UserId userId, TokenPurpose purpose, Instant now) {
    Instant at = millis(now);
    tokens.replaceAll(
        (id, token) ->
            token.userId().equals(userId) && token.purpose() == purpose && token.usedAt() == null
                ? stored(token, at)
                : token);
  }

  /** Every stored token in insertion order; for assertions in tests. */
  public synchronized List<OneTimeToken> all() {
    return List.copyOf(tokens.values());
  }

  private static OneTimeToken stored(OneTimeToken token, Instant usedAt) {
    return new OneTimeToken(
        token.id(),
        token.userId(),
        token.purpose(),
        token.tokenHash(),
        millis(token.createdAt()),
        millis(token.expiresAt()),
        millisOrNull(usedAt));
  }
}
