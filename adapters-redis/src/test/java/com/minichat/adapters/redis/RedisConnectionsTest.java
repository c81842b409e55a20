package com.minichat.adapters.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.RedisClient;

class RedisConnectionsTest {
  @Test
  void opensAWorkingPooledClient() {
    try (RedisClient redis =
        RedisConnections.open(RedisTestSupport.URL, 4, Duration.ofSeconds(2))) {
      assertEquals("PONG", redis.ping());
    }
  }

  @Test
  void selectsTheDatabaseOfTheUrl() {
    String key = "minichat:test:db:" + System.nanoTime();
    try (RedisClient db3 =
            RedisConnections.open("redis://127.0.0.1:6379/3", 2, Duration.ofSeconds(2));
        RedisClient db0 =
            RedisConnections.open("redis://127.0.0.1:6379", 2, Duration.ofSeconds(2))) {
      db3.set(key, "x", redis.clients.jedis.params.SetParams.setParams().px(10_000));
      assertEquals("x", db3.get(key));
      assertEquals(null, db0.get(key));
      db3.del(key);
    }
  }

  @Test
  void addsTheDefaultPort() {
    URI uri = RedisConnections.parse("redis://:s3cr%40t@cache.internal/2");

    assertEquals("cache.internal", uri.getHost());
    assertEquals(6379, uri.getPort());
    assertEquals("/2", uri.getPath());
    assertEquals(":s3cr%40t", uri.getRawUserInfo());
  }

  @Test
  void keepsAnExplicitPort() {
    assertEquals(6380, RedisConnections.parse("rediss://user:pw@cache:6380").getPort());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "http://cache:6379",
        "redis://",
        "redis:///0",
        "redis://cache:6379/db",
        "redis://user:top secret@cache:6379"
      })
  void rejectsUnusableUrlsWithoutQuotingThem(String url) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> RedisConnections.parse(url));
    assertFalse(e.getMessage().contains("secret"), e.getMessage());
  }

  @Test
  void rejectsTooSmallPoolsAndTimeouts() {
    assertThrows(
        IllegalArgumentException.class,
        () -> RedisConnections.open(RedisTestSupport.URL, 1, Duration.ofSeconds(1)));
    assertThrows(
        IllegalArgumentException.class,
        () -> RedisConnections.open(RedisTestSupport.URL, 4, Duration.ZERO));
  }
}
