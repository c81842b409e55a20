package com.minichat.adapters.redis.ratelimit;

import com.minichat.application.port.out.ratelimit.RateLimit;
import com.minichat.application.port.out.ratelimit.RateLimitDecision;
import com.minichat.application.port.out.ratelimit.RateLimiter;
import com.minichat.domain.common.UpstreamUnavailableException;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.redis.jedis.Bucket4jJedis;
import io.github.bucket4j.redis.jedis.cas.JedisBasedProxyManager;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;

/**
 * A {@link RateLimiter} whose counts live in Redis, so that every instance shares them.
 *
 * <p>Each (limit, key) pair is a Bucket4j token bucket holding {@code permits} tokens that refill
 * greedily at {@code permits} per {@code window}: a burst of {@code permits} is allowed, then one
 * permit comes back every {@code window / permits}, and the bucket is full again one window after
 * the last permit was taken. Buckets are updated with Redis compare-and-swap scripts, so concurrent
 * requests from several instances never get more permits than the limit.
 *
 * <p>Keys are {@code minichat:rl:<name>:<permits>/<window ms>:<key>}; the budget is part of the key
 * so that changing a limit's configuration starts fresh buckets instead of reusing ones shaped for
 * the old budget. Every bucket expires once it would be full again (plus a short grace period), so
 * idle keys do not accumulate.
 *
 * <p>When Redis fails, {@link #tryAcquire} throws {@link UpstreamUnavailableException}; whether to
 * fail open or closed is the caller's decision.
 */
public final class RedisRateLimiter implements RateLimiter {
  /** Prefix of every key this adapter writes. */
  public static final String KEY_PREFIX = "minichat:rl:";

  private static final Logger LOG = LoggerFactory.getLogger(RedisRateLimiter.class);

  /** How long a bucket outlives the moment it is full again (it is then equal to a new one). */
  private static final Duration EXPIRY_GRACE = Duration.ofSeconds(5);

  private final JedisBasedProxyManager<byte[]> buckets;

  /** A limiter on {@code redis} that reads time from the system clock. */
  public RedisRateLimiter(RedisClient redis) {
    this(redis, Clock.systemUTC());
  }

  /**
   * A limiter on {@code redis} that reads time from {@code clock}. All instances sharing the
   * buckets should have clocks that agree (NTP): bucket state is computed with the caller's time.
   */
  public RedisRateLimiter(RedisClient redis, Clock clock) {
    Objects.requireNonNull(redis, "redis");
    Objects.requireNonNull(clock, "clock");
    this.buckets =
        Bucket4jJedis.casBasedBuilder(redis)
            .clientClock(new ClockTimeMeter(clock))
            .expirationAfterWrite(
                ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(EXPIRY_GRACE))
            .build();
  }

  @Override
  public RateLimitDecision tryAcquire(RateLimit limit, String key) {
    Objects.requireNonNull(limit, "limit");
    Objects.requireNonNull(key, "key");
    BucketConfiguration configuration = configuration(limit);
    ConsumptionProbe probe;
    try {
      probe =
          buckets
              .builder()
              .build(redisKey(limit, key), () -> configuration)
              .tryConsumeAndReturnRemaining(1);
    } catch (JedisException e) {
      LOG.warn("Rate limit check on Redis failed for limit {}: {}", limit.name(), e.toString());
      throw new UpstreamUnavailableException("Redis is unavailable for rate limiting", e);
    }
    int remaining = (int) Math.max(0, Math.min(limit.permits(), probe.getRemainingTokens()));
    // One permit comes back every window/permits, so the bucket is whole after the missing ones.
    Duration reset =
        limit.window().dividedBy(limit.permits()).multipliedBy(limit.permits() - remaining);
    if (probe.isConsumed()) {
      return new RateLimitDecision(true, limit.permits(), remaining, Duration.ZERO, reset);
    }
    return new RateLimitDecision(
        false,
        limit.permits(),
        remaining,
        retryAfter(probe.getNanosToWaitForRefill(), limit),
        reset);
  }

  /** The wait rounded up to whole milliseconds, positive and never longer than the window. */
  private static Duration retryAfter(long nanos, RateLimit limit) {
    Duration wait = Duration.ofMillis(Math.max(1, Math.ceilDiv(nanos, 1_000_000L)));
    return wait.compareTo(limit.window()) > 0 ? limit.window() : wait;
  }

  private static BucketConfiguration configuration(RateLimit limit) {
    return BucketConfiguration.builder()
        .addLimit(
            Bandwidth.builder()
                .capacity(limit.permits())
                .refillGreedy(limit.permits(), limit.window())
                .build())
        .build();
  }

  static byte[] redisKey(RateLimit limit, String key) {
    return (KEY_PREFIX
            + limit.name()
            + ":"
            + limit.permits()
            + "/"
            + limit.window().toMillis()
            + ":"
            + key)
        .getBytes(StandardCharsets.UTF_8);
  }

  /** Bucket4j's time source backed by a {@link Clock}, so that tests can move time. */
  private record ClockTimeMeter(Clock clock) implements TimeMeter {
    @Override
    public long currentTimeNanos() {
      Instant now = clock.instant();
      return Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000_000L), now.getNano());
    }

    @Override
    public boolean isWallClockBased() {
      return true;
    }
  }
}
