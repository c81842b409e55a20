package com.minichat.adapters.redis;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.SslOptions;
import redis.clients.jedis.util.JedisURIHelper;

/**
 * Builds the pooled {@link RedisClient} shared by the Redis adapters.
 *
 * <p>One client serves the whole process. Note that every {@code RedisEventBus} keeps one pooled
 * connection for its subscription, so the pool needs at least one connection more than the
 * concurrent commands it should serve.
 */
public final class RedisConnections {
  private static final int DEFAULT_PORT = 6379;

  private RedisConnections() {}

  /**
   * A pooled client for {@code redisUrl}.
   *
   * @param redisUrl {@code redis://[[user]:password@]host[:port][/database]} (port 6379 by
   *     default), or {@code rediss://} for TLS
   * @param maxConnections the pool size, at least 2 (one is held by the event subscription)
   * @param timeout connect and read timeout of each command, and the longest wait for a free
   *     connection when the pool is exhausted
   * @throws IllegalArgumentException when the URL or the numbers are unusable; the message never
   *     contains the password
   */
  public static RedisClient open(String redisUrl, int maxConnections, Duration timeout) {
    URI uri = parse(redisUrl);
    if (maxConnections < 2) {
      throw new IllegalArgumentException("Redis maxConnections must be at least 2");
    }
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("Redis timeout must be positive");
    }
    int timeoutMillis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));

    ConnectionPoolConfig pool = new ConnectionPoolConfig();
    pool.setMaxTotal(maxConnections);
    pool.setMaxIdle(maxConnections);
    pool.setMinIdle(0);
    pool.setBlockWhenExhausted(true);
    pool.setMaxWait(timeout);
    pool.setTestWhileIdle(true);
    pool.setTimeBetweenEvictionRuns(Duration.ofSeconds(30));

    // Built from the URL here rather than with the builder's fromURI, which Jedis 8 deprecates.
    DefaultJedisClientConfig.Builder clientConfig =
        DefaultJedisClientConfig.builder()
            .connectionTimeoutMillis(timeoutMillis)
            .socketTimeoutMillis(timeoutMillis)
            .clientName("minichat");
    if (JedisURIHelper.isRedisSSLScheme(uri)) {
      clientConfig.sslOptions(SslOptions.defaults());
    }
    String user = JedisURIHelper.getUser(uri);
    String password = JedisURIHelper.getPassword(uri);
    if (password != null) {
      clientConfig.user(user).password(password);
    }
    if (JedisURIHelper.hasDbIndex(uri)) {
      clientConfig.database(JedisURIHelper.getDBIndex(uri));
    }

    return RedisClient.builder()
        .hostAndPort(JedisURIHelper.getHostAndPort(uri))
        .clientConfig(clientConfig.build())
        .poolConfig(pool)
        .build();
  }

  /** Checks {@code redisUrl} and adds the default port 6379 when it names none. */
  static URI parse(String redisUrl) {
    if (redisUrl == null || redisUrl.isBlank()) {
      throw new IllegalArgumentException("Redis URL is missing");
    }
    URI uri = toUri(redisUrl.strip());
    if (!JedisURIHelper.isRedisScheme(uri) && !JedisURIHelper.isRedisSSLScheme(uri)) {
      throw new IllegalArgumentException("Redis URL must start with redis:// or rediss://");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new IllegalArgumentException("Redis URL needs a host: redis://host:port[/db]");
    }
    if (uri.getPort() == -1) {
      uri =
          toUri(
              uri.getScheme()
                  + "://"
                  + (uri.getRawUserInfo() == null ? "" : uri.getRawUserInfo() + "@")
                  + uri.getHost()
                  + ":"
                  + DEFAULT_PORT
                  + (uri.getRawPath() == null ? "" : uri.getRawPath())
                  + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }
    String path = uri.getPath();
    if (path != null && !path.isEmpty() && !path.equals("/")) {
      try {
        if (Integer.parseInt(path.substring(1)) < 0) {
          throw new NumberFormatException();
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("Redis URL database must be a number: redis://host/0");
      }
    }
    return uri;
  }

  private static URI toUri(String value) {
    try {
      return new URI(value);
    } catch (URISyntaxException e) {
      // The reason is left out on purpose: it quotes the input, which may hold a password.
      throw new IllegalArgumentException("Redis URL is not a valid URI");
    }
  }
}
