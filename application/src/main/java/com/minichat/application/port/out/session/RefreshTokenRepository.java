package com.minichat.application.port.out.session;

import com.minichat.domain.session.RefreshToken;
import com.minichat.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stores refresh tokens (hashes only) and their families. */
public interface RefreshTokenRepository {
  void insert(RefreshToken token);

  Optional<RefreshToken> findByHash(String tokenHash);

  /**
   * Atomically marks the token as used if it is neither used nor revoked; {@code false} when it
   * already was (a replay, or a race between two refreshes).
   */
  boolean markUsed(String id, Instant now);

  /** Revokes every token of the family (one session). */
  void revokeFamily(String familyId, Instant now);

  /** Revokes every token of the user except those of {@code keepFamilyId} (may be null). */
  void revokeAllOfUser(UserId userId, String keepFamilyId, Instant now);

  /** The user's sessions that are neither revoked nor expired: the current token of each family. */
  List<RefreshToken> findActiveOfUser(UserId userId, Instant now);
}
