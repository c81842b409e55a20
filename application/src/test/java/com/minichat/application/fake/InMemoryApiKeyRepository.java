package com.minichat.application.fake;

import static com.minichat.application.fake.InMemoryPaging.millis;
import static com.minichat.application.fake.InMemoryPaging.millisOrNull;

import com.minichat.application.port.out.apikey.ApiKeyRepository;
import com.minichat.domain.apikey.ApiKey;
import com.minichat.domain.apikey.ApiKeyId;
import com.minichat.domain.common.ConflictException;
import com.minichat.domain.common.NotFoundException;
import com.minichat.domain.workspace.WorkspaceId;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Thread-safe in-memory {@link ApiKeyRepository} with the same semantics as the real adapters:
 * unique ids and secret hashes ({@link ConflictException} otherwise), {@link #update} of an unknown
 * id fails with {@link NotFoundException}, every field kept, instants kept at millisecond
 * precision, a workspace's keys newest first (creation time, then id, both descending). {@code
 * lastUsedAt} only moves forward, by {@link #touch} (which ignores unknown ids) and by {@link
 * #update} alike.
 */
public final class InMemoryApiKeyRepository implements ApiKeyRepository {
  private static final Comparator<ApiKey> NEWEST_FIRST =
      Comparator.comparing(ApiKey::createdAt).thenComparing(key -> key.id().value()).reversed();

  private final Map<ApiKeyId, ApiKey> keys = new LinkedHashMap<>();

  @Override
  public synchronized void insert(ApiKey key) {
    Objects.requireNonNull(key, "key");
    if (keys.containsKey(key.id())) {
      throw new ConflictException("An API key with this id already exists");
    }
    requireSecretHashFree(key);
    keys.put(key.id(), stored(key, key.lastUsedAt()));
  }

  @Override
  public synchronized void update(ApiKey key) {
    Objects.requireNonNull(key, "key");
    ApiKey current = keys.get(key.id());
    if (current == null) {
      throw new NotFoundException("API key not found");
    }
    requireSecretHashFree(key);
    keys.put(key.id(), stored(key, later(current.lastUsedAt(), millisOrNull(key.lastUsedAt()))));
  }

  @Override
  public synchronized List<ApiKey> findExpiringUnwarned(Instant now) {
    return keys.values().stream()
        .filter(key -> key.expiryWarnedAt() == null && key.expiresSoon(now))
        .toList();
  }

  @Override
  public synchronized Optional<ApiKey> findById(ApiKeyId id) {
    return Optional.ofNullable(keys.get(id));
  }

  @Override
  public synchronized Optional<ApiKey> findBySecretHash(String secretHash) {
    return keys.values().stream().filter(key -> key.secretHash().equals(secretHash)).findFirst();
  }

  @Override
  public synchronized List<ApiKey> findByWorkspace(WorkspaceId workspaceId) {
    return keys.values().stream()
        .filter(key -> key.workspaceId().equals(workspaceId))
        .sorted(NEWEST_FIRST)
        .toList();
  }

  @Override
  public synchronized void touch(ApiKeyId id, Instant at) {
    ApiKey key = keys.get(id);
    Instant usedAt = millis(at);
    if (key != null && (key.lastUsedAt() == null || key.lastUsedAt().isBefore(usedAt))) {
      keys.put(id, stored(key, usedAt));
    }
  }

  private static Instant later(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isAfter(b) ? a : b;
  }

  /** Every stored key in insertion order; for assertions in tests. */
  public synchronized List<ApiKey> all() {
    return List.copyOf(keys.values());
  }

  private void requireSecretHashFree(ApiKey key) {
    boolean taken =
        keys.values().stream()
            .anyMatch(
                other ->
                    !other.id().equals(key.id()) && other.secretHash().equals(key.secretHash()));
    if (taken) {
      throw new ConflictException("This API key secret already exists");
    }
  }

  private static ApiKey stored(ApiKey key, Instant lastUsedAt) {
    return new ApiKey(
        key.id(),
        key.workspaceId(),
        key.name(),
        key.hint(),
        key.secretHash(),
        key.scope(),
        key.createdBy(),
        millis(key.createdAt()),
        millis(key.expiresAt()),
        millisOrNull(lastUsedAt),
        millisOrNull(key.revokedAt()),
        key.replacedBy(),
        millisOrNull(key.expiryWarnedAt()));
  }
}
