package com.minichat.domain.apikey;

import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.WorkspaceId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A server-to-server key of one workspace. The secret ({@code mc_live_…}) is shown once; only its
 * hash is stored, with a short visible part to recognise it.
 *
 * @param hint the secret's first characters, e.g. {@code mc_live_3fA9}, for lists
 * @param scope the widest thing it may do ({@link ApiScope#covers})
 * @param lastUsedAt when it last authenticated a request; {@code null} if never
 * @param revokedAt when it was revoked; {@code null} while not
 * @param replacedBy the key that succeeded it at a rotation; {@code null} if none
 * @param expiryWarnedAt when its owners and admins were warned that it expires soon; {@code null}
 *     while not yet
 */
public record ApiKey(
    ApiKeyId id,
    WorkspaceId workspaceId,
    String name,
    String hint,
    String secretHash,
    ApiScope scope,
    UserId createdBy,
    Instant createdAt,
    Instant expiresAt,
    Instant lastUsedAt,
    Instant revokedAt,
    ApiKeyId replacedBy,
    Instant expiryWarnedAt) {

  /** Prefix of every secret, so leaked keys are easy to recognise and scan for. */
  public static final String PREFIX = "mc_live_";

  /** Lifetime of a new key unless chosen otherwise. */
  public static final Duration DEFAULT_LIFETIME = Duration.ofDays(90);

  /** How long a rotated key keeps working beside its successor. */
  public static final Duration ROTATION_GRACE = Duration.ofHours(24);

  /** How long before expiry owners and admins are warned. */
  public static final Duration EXPIRY_WARNING = Duration.ofDays(7);

  public ApiKey {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(workspaceId, "workspaceId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(hint, "hint");
    Objects.requireNonNull(secretHash, "secretHash");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(createdBy, "createdBy");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /** A key whose owners were not warned yet. */
  public ApiKey(
      ApiKeyId id,
      WorkspaceId workspaceId,
      String name,
      String hint,
      String secretHash,
      ApiScope scope,
      UserId createdBy,
      Instant createdAt,
      Instant expiresAt,
      Instant lastUsedAt,
      Instant revokedAt,
      ApiKeyId replacedBy) {
    this(
        id,
        workspaceId,
        name,
        hint,
        secretHash,
        scope,
        createdBy,
        createdAt,
        expiresAt,
        lastUsedAt,
        revokedAt,
        replacedBy,
        null);
  }

  /**
   * Whether it is active, not replaced by a rotation (whose short grace period needs no warning)
   * and expires within {@link #EXPIRY_WARNING} of {@code now}.
   */
  public boolean expiresSoon(Instant now) {
    return revokedAt == null
        && replacedBy == null
        && !isExpired(now)
        && !now.plus(EXPIRY_WARNING).isBefore(expiresAt);
  }

  /** A copy recording that its owners were warned at {@code now}. */
  public ApiKey warnedOfExpiry(Instant now) {
    return copy(expiresAt, revokedAt, replacedBy, now);
  }

  /** Whether it has expired at {@code now}. */
  public boolean isExpired(Instant now) {
    return !now.isBefore(expiresAt);
  }

  /** A copy that was revoked at {@code now}. */
  public ApiKey revoked(Instant now) {
    return copy(expiresAt, now, replacedBy, expiryWarnedAt);
  }

  /** A copy replaced by {@code successor}, still valid for the rotation grace period. */
  public ApiKey rotatedTo(ApiKeyId successor, Instant now) {
    Instant graceEnd = now.plus(ROTATION_GRACE);
    return copy(
        graceEnd.isBefore(expiresAt) ? graceEnd : expiresAt, revokedAt, successor, expiryWarnedAt);
  }

  private ApiKey copy(
      Instant expiresAt, Instant revokedAt, ApiKeyId replacedBy, Instant expiryWarnedAt) {
    return new ApiKey(
        id,
        workspaceId,
        name,
        hint,
        secretHash,
        scope,
        createdBy,
        createdAt,
        expiresAt,
        lastUsedAt,
        revokedAt,
        replacedBy,
        expiryWarnedAt);
  }
}
