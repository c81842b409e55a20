package com.minichat.application.fake;

import static com.minichat.application.fake.InMemoryPaging.millis;
import static com.minichat.application.fake.InMemoryPaging.millisOrNull;

import com.minichat.application.port.out.session.RefreshTokenRepository;
import com.minichat.domain.common.ConflictException;
import com.minichat.domain.session.RefreshToken;
import com.minichat.domain.user.UserId;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Thread-safe in-memory {@link RefreshTokenRepository} with the same semantics as the real
 * adapters: unique ids and token hashes, instants kept at millisecond precision, a token marked
 * used at most once, revocation keeping the first revocation time, active sessions newest first.
 */
public final class InMemoryRefreshTokenRepository implements RefreshTokenRepository {
  private static final Comparator<RefreshToken> NEWEST_FIRST =
      Comparator.comparing(RefreshToken::createdAt).thenComparing(RefreshToken::id).reversed();

  private final Map<String, RefreshToken> tokens = new LinkedHashMap<>();

  @Override
  public synchronized void insert(RefreshToken token) {
    Objects.requireNonNull(token, "token");
    boolean taken =
        tokens.values().stream()
            .anyMatch(
                other ->
                    other.id().equals(token.id()) || other.tokenHash().equals(token.tokenHash()));
    if (taken) {
      throw new ConflictException("This refresh token already exists");
    }
    tokens.put(token.id(), stored(token, token.usedAt(), token.revokedAt()));
  }

  @Override
  public synchronized Optional<RefreshToken> findByHash(String tokenHash) {
    return tokens.values().stream()
        .filter(token -> token.tokenHash().equals(tokenHash))
        .findFirst();
  }

  @Override
  public synchronized boolean markUsed(String id, Instant now) {
    RefreshToken token = tokens.get(id);
    if (token == null || token.usedAt() != null || token.revokedAt() != null) {
      return false;
    }
    tokens.put(id, stored(token, now, null));
    return true;
  }

  @Override
  public synchronized void revokeFamily(String familyId, Instant now) {
    revokeWhere(token -> token.familyId().equals(familyId), now);
  }

  @Override
  public synchronized void revokeAllOfUser(UserId userId, String keepFamilyId, Instant now) {
    revokeWhere(
        token -> token.userId().equals(userId) && !token.familyId().equals(keepFamilyId), now);
  }

  @Override
  public synchronized List<RefreshToken> findActiveOfUser(UserId userId, Instant now) {
    Instant at = millis(now);
    return tokens.values().stream()
        .filter(token -> token.userId().equals(userId))
        .filter(token -> token.usedAt() == null && token.revokedAt() == null)
        .filter(token -> token.expiresAt().isAfter(at))
        .sorted(NEWEST_FIRST)
        .toList();
  }

  /** Every stored token in insertion order; for assertions in tests. */
  public synchronized List<RefreshToken> all() {
    return List.copyOf(tokens.values());
  }

  private void revokeWhere(Predicate<RefreshToken> selected, Instant now) {
    tokens.replaceAll(
        (id, token) ->
            token.revokedAt() == null && selected.test(token)
                ? stored(token, token.usedAt(), now)
                : token);
  }

  private static RefreshToken stored(RefreshToken token, Instant usedAt, Instant revokedAt) {
    return new RefreshToken(
        token.id(),
        token.familyId(),
        token.userId(),
        token.tokenHash(),
        millis(token.createdAt()),
        millis(token.expiresAt()),
        millisOrNull(usedAt),
        millisOrNull(revokedAt));
  }
}
