package com.minichat.adapters.redis.ai;

import com.minichat.application.port.out.ai.ProviderAvailability;
import java.time.Duration;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.SetParams;

/**
 * Provider availability shared by every instance: a provider marked down is a key that expires with
 * the mark, so no clean-up is needed and all instances see the same answer.
 */
public final class RedisProviderAvailability implements ProviderAvailability {
  /** Prefix of every key this adapter writes. */
  public static final String KEY_PREFIX = "minichat:provider-down:";

  private final RedisClient redis;

  public RedisProviderAvailability(RedisClient redis) {
    this.redis = redis;
  }

  @Override
  public boolean isDown(String healthKey) {
    return redis.exists(KEY_PREFIX + healthKey);
  }

  @Override
  public void markDown(String healthKey, Duration duration) {
    redis.set(
        KEY_PREFIX + healthKey, "1", SetParams.setParams().px(Math.max(1, duration.toMillis())));
  }
}
