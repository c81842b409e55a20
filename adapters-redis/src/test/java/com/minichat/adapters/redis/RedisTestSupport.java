package com.minichat.adapters.redis;

import java.time.Duration;
import redis.clients.jedis.RedisClient;

/** Connections to the Redis server the tests run against ({@code REDIS_URL}, else local). */
public final class RedisTestSupport {
  /** The server of the tests. */
  public static final String URL =
      System.getenv().getOrDefault("REDIS_URL", "redis://127.0.0.1:6379");

  /** A port where nothing listens. */
  public static final String UNREACHABLE_URL = "redis://127.0.0.1:1";

  private RedisTestSupport() {}

  /** A new pooled client of the test server. */
  public static RedisClient open() {
    return RedisConnections.open(URL, 8, Duration.ofSeconds(2));
  }

  /** A new client of a port where nothing listens, failing fast. */
  public static RedisClient openUnreachable() {
    return RedisConnections.open(UNREACHABLE_URL, 2, Duration.ofMillis(300));
  }
}
