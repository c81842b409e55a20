package com.minichat.application.port.out.apikey;

import com.minichat.domain.apikey.ApiKey;
import com.minichat.domain.apikey.ApiKeyId;
import com.minichat.domain.workspace.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stores API keys; only the hash of each secret. Hashes are unique. */
public interface ApiKeyRepository {
  void insert(ApiKey key);

  /** Replaces the stored key with the same id; {@code NotFoundException} when there is none. */
  void update(ApiKey key);

  Optional<ApiKey> findById(ApiKeyId id);

  Optional<ApiKey> findBySecretHash(String secretHash);

  /** The workspace's keys, newest first, revoked ones included. */
  List<ApiKey> findByWorkspace(WorkspaceId workspaceId);

  /**
   * Active keys (not revoked, not replaced by a rotation, not expired) that expire within {@link
   * ApiKey#EXPIRY_WARNING} of {@code now} and whose owners were not warned yet, across all
   * workspaces.
   */
  List<ApiKey> findExpiringUnwarned(Instant now);

  /** Records that the key authenticated a request at {@code at} (best effort, never fails). */
  void touch(ApiKeyId id, Instant at);
}
