package com.minichat.adapters.redis.health;

import com.minichat.application.port.out.health.HealthProbe;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.RedisClient;

/**
 * Reports Redis as healthy when it answers {@code PING} within a short timeout. The command runs on
 * a virtual thread, so a hung connection or an exhausted pool cannot hold the caller longer than
 * the timeout. Never throws.
 */
public final class RedisHealthProbe implements HealthProbe {
  /** The timeout of {@link #RedisHealthProbe(RedisClient)}. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

  private static final Logger LOG = LoggerFactory.getLogger(RedisHealthProbe.class);

  private final RedisClient redis;
  private final Duration timeout;

  /** A probe of {@code redis} waiting at most {@link #DEFAULT_TIMEOUT} for the answer. */
  public RedisHealthProbe(RedisClient redis) {
    this(redis, DEFAULT_TIMEOUT);
  }

  /** A probe of {@code redis} waiting at most {@code timeout} for the answer. */
  public RedisHealthProbe(RedisClient redis, Duration timeout) {
    this.redis = Objects.requireNonNull(redis, "redis");
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("the health probe timeout must be positive");
    }
    this.timeout = timeout;
  }

  @Override
  public String name() {
    return "redis";
  }

  @Override
  public boolean isHealthy() {
    FutureTask<String> ping = new FutureTask<>(redis::ping);
    try {
      Thread.ofVirtual().name("minichat-redis-health").start(ping);
      return "PONG".equalsIgnoreCase(ping.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
    } catch (TimeoutException e) {
      ping.cancel(true);
      LOG.warn("Redis did not answer PING within {}", timeout);
      return false;
    } catch (ExecutionException e) {
      LOG.warn("Redis PING failed: {}", String.valueOf(e.getCause()));
      return false;
    } catch (InterruptedException e) {
      ping.cancel(true);
      Thread.currentThread().interrupt();
      return false;
    } catch (RuntimeException e) {
      LOG.warn("Redis PING could not be started: {}", e.toString());
      return false;
    }
  }
}
