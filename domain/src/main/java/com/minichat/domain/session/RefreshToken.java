package com.minichat.domain.session;

import com.minichat.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * One link of a refresh-token family. Each use replaces the token with a new one of the same
 * family; presenting a token that was already used means it was stolen, and the whole family is
 * revoked. Only the hash of the token is stored.
 *
 * @param familyId shared by every token descending from one sign-in (one session)
 * @param usedAt when it was exchanged for a successor; {@code null} while current
 * @param revokedAt when the session was ended; {@code null} while valid
 */
public record RefreshToken(
    String id,
    String familyId,
    UserId userId,
    String tokenHash,
    Instant createdAt,
    Instant expiresAt,
    Instant usedAt,
    Instant revokedAt) {

  public RefreshToken {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(familyId, "familyId");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(tokenHash, "tokenHash");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }
}
