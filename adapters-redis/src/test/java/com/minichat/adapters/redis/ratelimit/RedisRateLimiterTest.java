package com.minichat.adapters.redis.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.minichat.adapters.redis.RedisTestSupport;
import com.minichat.application.port.out.ratelimit.RateLimit;
import com.minichat.application.port.out.ratelimit.RateLimiter;
import com.minichat.application.port.out.ratelimit.RateLimiterContractTest;
import com.minichat.domain.common.UpstreamUnavailableException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

class RedisRateLimiterTest extends RateLimiterContractTest {
  private static RedisClient redis;

  @BeforeAll
  static void connect() {
    redis = RedisTestSupport.open();
  }

  @AfterAll
  static void disconnect() {
    redis.close();
  }

  @Override
  protected RateLimiter newRateLimiter(Clock clock) {
    return new RedisRateLimiter(redis, clock);
  }

  @Test
  void bucketsLiveUnderThePrefixAndExpire() {
    RateLimit limit = new RateLimit("redis-expiry", 3, Duration.ofMinutes(1));
    String key = uniqueKey("visitor");

    new RedisRateLimiter(redis, clock).tryAcquire(limit, key);

    byte[] redisKey = RedisRateLimiter.redisKey(limit, key);
    assertTrue(
        new String(redisKey, StandardCharsets.UTF_8).startsWith("minichat:rl:redis-expiry:"));
    assertTrue(redis.exists(redisKey));
    long ttl = redis.pttl(redisKey);
    assertTrue(ttl > 0, "the bucket has no expiry: " + ttl);
    assertTrue(ttl <= Duration.ofMinutes(1).plusSeconds(5).toMillis(), "ttl " + ttl);
  }

  @Test
  void instancesOnSeparateConnectionsShareTheCount() {
    RateLimit limit = new RateLimit("redis-shared", 2, Duration.ofMinutes(1));
    String key = uniqueKey("visitor");
    try (RedisClient otherClient = RedisTestSupport.open()) {
      RateLimiter first = new RedisRateLimiter(redis, clock);
      RateLimiter second = new RedisRateLimiter(otherClient, clock);

      assertTrue(first.tryAcquire(limit, key).allowed());
      assertEquals(0, second.tryAcquire(limit, key).remaining());
      assertFalse(first.tryAcquire(limit, key).allowed());
      assertFalse(second.tryAcquire(limit, key).allowed());
    }
  }

  @Test
  void changingTheBudgetStartsAFreshCount() {
    String key = uniqueKey("visitor");
    RateLimiter limiter = new RedisRateLimiter(redis, clock);
    RateLimit strict = new RateLimit("redis-reconfigured", 1, Duration.ofMinutes(1));
    limiter.tryAcquire(strict, key);
    assertFalse(limiter.tryAcquire(strict, key).allowed());

    RateLimit relaxed = new RateLimit("redis-reconfigured", 5, Duration.ofMinutes(1));

    assertEquals(4, limiter.tryAcquire(relaxed, key).remaining());
  }

  @Test
  void unreachableRedisIsAnUpstreamFailure() {
    try (RedisClient unreachable = RedisTestSupport.openUnreachable()) {
      RateLimiter limiter = new RedisRateLimiter(unreachable);
      RateLimit limit = new RateLimit("redis-down", 1, Duration.ofMinutes(1));

      assertThrows(
          UpstreamUnavailableException.class, () -> limiter.tryAcquire(limit, uniqueKey("v")));
    }
  }
}
