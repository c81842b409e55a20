package com.minichat.adapters.redis.ai;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.minichat.adapters.redis.RedisTestSupport;
import com.minichat.application.port.out.ai.ProviderAvailability;
import com.minichat.application.port.out.ai.ProviderAvailabilityContractTest;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

class RedisProviderAvailabilityTest extends ProviderAvailabilityContractTest {
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
  protected ProviderAvailability newAvailability() {
    return new RedisProviderAvailability(redis);
  }

  @Override
  protected void elapse(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aMarkIsSeenByAnotherConnection() {
    String key = "gemini||gemini-2.0-flash|" + System.nanoTime();
    try (RedisClient other = RedisTestSupport.open()) {
      new RedisProviderAvailability(redis).markDown(key, Duration.ofMinutes(5));

      assertTrue(new RedisProviderAvailability(other).isDown(key));
      assertTrue(
          other.pttl(RedisProviderAvailability.KEY_PREFIX + key)
              <= Duration.ofMinutes(5).toMillis());
    }
  }
}
