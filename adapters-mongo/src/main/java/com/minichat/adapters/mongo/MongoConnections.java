package com.minichat.adapters.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Opens {@link MongoClient}s from a connection string with explicit pool sizes and timeouts. It
 * knows nothing about configuration files or defaults: the caller decides the values.
 */
public final class MongoConnections {
  /** Database used when the connection string names none. */
  public static final String DEFAULT_DATABASE = "minichat";

  private MongoConnections() {}

  /**
   * A client for {@code uri} (for example {@code mongodb://host:27017/minichat}).
   *
   * @param minPool connections each server pool keeps open, at least 0
   * @param maxPool most connections per server pool, at least 1 and at least {@code minPool}
   * @param timeout applied to connecting, to selecting a server and to waiting for a pooled
   *     connection; a positive duration
   * @throws IllegalArgumentException if an argument is out of range or the URI is malformed
   */
  public static MongoClient open(String uri, int minPool, int maxPool, Duration timeout) {
    return MongoClients.create(settings(uri, minPool, maxPool, timeout));
  }

  /** The settings {@link #open} uses; the pool sizes and timeout override any in the URI. */
  public static MongoClientSettings settings(
      String uri, int minPool, int maxPool, Duration timeout) {
    ConnectionString connection = connectionString(uri);
    if (minPool < 0 || maxPool < 1 || minPool > maxPool) {
      throw new IllegalArgumentException(
          "pool sizes must satisfy 0 <= min <= max and max >= 1, got min="
              + minPool
              + " max="
              + maxPool);
    }
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, got " + timeout);
    }
    long millis = timeout.toMillis();
    MongoClientSettings.Builder builder =
        MongoClientSettings.builder()
            .applyConnectionString(connection)
            .applyToConnectionPoolSettings(
                pool ->
                    pool.minSize(minPool)
                        .maxSize(maxPool)
                        .maxWaitTime(millis, TimeUnit.MILLISECONDS))
            .applyToClusterSettings(
                cluster -> cluster.serverSelectionTimeout(millis, TimeUnit.MILLISECONDS))
            .applyToSocketSettings(
                socket -> socket.connectTimeout(Math.toIntExact(millis), TimeUnit.MILLISECONDS));
    if (connection.getApplicationName() == null) {
      builder.applicationName("minichat");
    }
    return builder.build();
  }

  /** The database named in {@code uri}, or {@value #DEFAULT_DATABASE} when it names none. */
  public static String databaseName(String uri) {
    String name = connectionString(uri).getDatabase();
    return name == null || name.isBlank() ? DEFAULT_DATABASE : name;
  }

  private static ConnectionString connectionString(String uri) {
    if (uri == null || uri.isBlank()) {
      throw new IllegalArgumentException("MongoDB connection string is required");
    }
    return new ConnectionString(uri);
  }
}
