package com.minichat.adapters.redis.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.minichat.adapters.redis.RedisTestSupport;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

class RedisHealthProbeTest {
  @Test
  void isNamedRedis() {
    try (RedisClient redis = RedisTestSupport.open()) {
      assertEquals("redis", new RedisHealthProbe(redis).name());
    }
  }

  @Test
  void reachableServerIsHealthy() {
    try (RedisClient redis = RedisTestSupport.open()) {
      assertTrue(new RedisHealthProbe(redis).isHealthy());
    }
  }

  @Test
  void closedPortIsUnhealthyQuicklyWithoutThrowing() {
    try (RedisClient redis = RedisTestSupport.openUnreachable()) {
      RedisHealthProbe probe = new RedisHealthProbe(redis, Duration.ofSeconds(1));
      long start = System.nanoTime();

      assertFalse(probe.isHealthy());

      assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(2)) < 0);
    }
  }

  @Test
  void closedClientIsUnhealthyWithoutThrowing() {
    RedisClient redis = RedisTestSupport.open();
    redis.close();

    assertFalse(new RedisHealthProbe(redis).isHealthy());
  }
}
