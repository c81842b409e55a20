package com.minichat.application.service.apikey;

import com.minichat.application.port.in.apikey.ApiKeyAuthentication;
import com.minichat.application.port.in.apikey.ApiKeyUseCase;
import com.minichat.application.port.in.apikey.AuthenticateApiKeyUseCase;
import com.minichat.application.port.in.apikey.CreatedApiKey;
import com.minichat.application.port.out.apikey.ApiKeyRepository;
import com.minichat.application.port.out.ratelimit.RateLimit;
import com.minichat.application.port.out.ratelimit.RateLimitDecision;
import com.minichat.application.port.out.ratelimit.RateLimiter;
import com.minichat.application.port.out.security.SecretHasher;
import com.minichat.application.port.out.workspace.WorkspaceRepository;
import com.minichat.application.service.workspace.WorkspaceAccess;
import com.minichat.domain.apikey.ApiKey;
import com.minichat.domain.apikey.ApiKeyId;
import com.minichat.domain.apikey.ApiScope;
import com.minichat.domain.common.AuthenticationException;
import com.minichat.domain.common.ErrorCode;
import com.minichat.domain.common.NotFoundException;
import com.minichat.domain.common.RateLimitedException;
import com.minichat.domain.common.Violations;
import com.minichat.domain.team.Permission;
import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.WorkspaceId;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Workspace API keys: created and shown once, stored as hashes, rotated with grace, revoked. */
public final class ApiKeyService implements ApiKeyUseCase, AuthenticateApiKeyUseCase {
  /** Longest name of a key. */
  public static final int MAX_NAME = 100;

  /** Longest lifetime a key may be given, in days. */
  public static final int MAX_LIFETIME_DAYS = 365;

  private static final Logger LOG = LoggerFactory.getLogger(ApiKeyService.class);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int HINT_LENGTH = ApiKey.PREFIX.length() + 4;

  private final ApiKeyRepository keys;
  private final WorkspaceRepository workspaces;
  private final WorkspaceAccess access;
  private final SecretHasher hasher;
  private final RateLimiter rateLimiter;
  private final RateLimit perKey;
  private final Clock clock;

  /**
   * @param perKey the request budget of each key (1000 per hour by default)
   */
  public ApiKeyService(
      ApiKeyRepository keys,
      WorkspaceRepository workspaces,
      WorkspaceAccess access,
      SecretHasher hasher,
      RateLimiter rateLimiter,
      RateLimit perKey,
      Clock clock) {
    this.keys = keys;
    this.workspaces = workspaces;
    this.access = access;
    this.hasher = hasher;
    this.rateLimiter = rateLimiter;
    this.perKey = perKey;
    this.clock = clock;
  }

  @Override
  public CreatedApiKey create(
      UserId actor, WorkspaceId workspaceId, String name, ApiScope scope, Integer expiresInDays) {
    access.require(actor, workspaceId, Permission.MANAGE_API_KEYS);
    new Violations()
        .text(name == null ? null : name.strip(), "name", true, MAX_NAME)
        .check(scope != null, "scope", "is required: read, write or admin")
        .check(
            expiresInDays == null || (expiresInDays >= 1 && expiresInDays <= MAX_LIFETIME_DAYS),
            "expiresInDays",
            "must be between 1 and " + MAX_LIFETIME_DAYS)
        .throwIfAny();
    Duration lifetime =
        expiresInDays == null ? ApiKey.DEFAULT_LIFETIME : Duration.ofDays(expiresInDays);
    CreatedApiKey created = issue(workspaceId, name.strip(), scope, actor, lifetime);
    LOG.info(
        "api key created workspaceId={} keyId={} scope={}",
        workspaceId.value(),
        created.key().id().value(),
        scope);
    return created;
  }

  @Override
  public List<ApiKey> list(UserId actor, WorkspaceId workspaceId) {
    access.require(actor, workspaceId, Permission.MANAGE_API_KEYS);
    return keys.findByWorkspace(workspaceId);
  }

  @Override
  public CreatedApiKey rotate(UserId actor, WorkspaceId workspaceId, ApiKeyId keyId) {
    access.require(actor, workspaceId, Permission.MANAGE_API_KEYS);
    ApiKey old = keyOf(workspaceId, keyId);
    Instant now = clock.instant();
    if (old.revokedAt() != null || old.isExpired(now) || old.replacedBy() != null) {
      throw new NotFoundException("Only an active key can be rotated");
    }
    CreatedApiKey successor =
        issue(
            workspaceId,
            old.name(),
            old.scope(),
            actor,
            Duration.between(old.createdAt(), old.expiresAt()));
    keys.update(old.rotatedTo(successor.key().id(), now));
    LOG.info(
        "api key rotated workspaceId={} keyId={} successor={}",
        workspaceId.value(),
        keyId.value(),
        successor.key().id().value());
    return successor;
  }

  @Override
  public void revoke(UserId actor, WorkspaceId workspaceId, ApiKeyId keyId) {
    access.require(actor, workspaceId, Permission.MANAGE_API_KEYS);
    ApiKey key = keyOf(workspaceId, keyId);
    if (key.revokedAt() == null) {
      keys.update(key.revoked(clock.instant()));
      LOG.info("api key revoked workspaceId={} keyId={}", workspaceId.value(), keyId.value());
    }
  }

  @Override
  public ApiKeyAuthentication authenticate(String secret) {
    if (secret == null || !secret.startsWith(ApiKey.PREFIX)) {
      throw new AuthenticationException("The API key is invalid");
    }
    Instant now = clock.instant();
    ApiKey key =
        keys.findBySecretHash(hasher.hash(secret))
            .filter(found -> found.revokedAt() == null)
            .filter(found -> workspaces.findById(found.workspaceId()).isPresent())
            .orElseThrow(() -> new AuthenticationException("The API key is invalid"));
    if (key.isExpired(now)) {
      throw new AuthenticationException(
          ErrorCode.API_KEY_EXPIRED, "The API key has expired; create or rotate a key");
    }
    RateLimitDecision decision = rateLimiter.tryAcquire(perKey, key.id().value());
    if (!decision.allowed()) {
      throw new RateLimitedException(
          "This API key has used its hourly budget", decision.retryAfter(), decision.limit());
    }
    keys.touch(key.id(), now);
    return new ApiKeyAuthentication(key, decision.limit(), decision.remaining(), decision.reset());
  }

  private CreatedApiKey issue(
      WorkspaceId workspaceId, String name, ApiScope scope, UserId actor, Duration lifetime) {
    byte[] random = new byte[24];
    RANDOM.nextBytes(random);
    String secret = ApiKey.PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    Instant now = clock.instant();
    ApiKey key =
        new ApiKey(
            ApiKeyId.generate(),
            workspaceId,
            name,
            secret.substring(0, HINT_LENGTH),
            hasher.hash(secret),
            scope,
            actor,
            now,
            now.plus(lifetime),
            null,
            null,
            null);
    keys.insert(key);
    return new CreatedApiKey(key, secret);
  }

  private ApiKey keyOf(WorkspaceId workspaceId, ApiKeyId keyId) {
    return keys.findById(keyId)
        .filter(key -> key.workspaceId().equals(workspaceId))
        .orElseThrow(() -> new NotFoundException("API key not found"));
  }
}
