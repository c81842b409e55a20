package com.minichat.domain.user;

import java.time.Instant;
import java.util.Objects;

/**
 * A single-use token sent by e-mail (verification, password reset, unlock). Only its hash is
 * stored; the token itself exists only in the e-mail.
 *
 * @param usedAt when it was consumed; {@code null} while still usable
 */
public record OneTimeToken(
    String id,
    UserId userId,
    TokenPurpose purpose,
    String tokenHash,
    Instant createdAt,
    Instant expiresAt,
    Instant usedAt) {

  public OneTimeToken {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(tokenHash, "tokenHash");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }
}
