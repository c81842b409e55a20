package com.minichat.adapters.mongo;

import com.minichat.application.port.out.health.HealthProbe;
import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Readiness check for MongoDB: sends {@code ping} and waits at most the probe's timeout, whatever
 * the client's own timeouts are. Never throws.
 */
public final class MongoHealthProbe implements HealthProbe {
  /** How long {@link #isHealthy()} waits when no timeout is given. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

  private static final Logger LOG = LoggerFactory.getLogger(MongoHealthProbe.class);

  private final MongoDatabase database;
  private final Duration timeout;

  /** A probe on {@code database} with {@link #DEFAULT_TIMEOUT}. */
  public MongoHealthProbe(MongoDatabase database) {
    this(database, DEFAULT_TIMEOUT);
  }

  /** A probe on {@code database} that gives up after {@code timeout}. */
  public MongoHealthProbe(MongoDatabase database, Duration timeout) {
    this.database = Objects.requireNonNull(database, "database");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive");
    }
  }

  @Override
  public String name() {
    return "mongodb";
  }

  @Override
  public boolean isHealthy() {
    FutureTask<Boolean> ping = new FutureTask<>(this::ping);
    try {
      Thread.ofVirtual().name("mongodb-health").start(ping);
      return ping.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      ping.cancel(true);
      LOG.warn("mongodb ping timed out after {} ms", timeout.toMillis());
      return false;
    } catch (InterruptedException e) {
      ping.cancel(true);
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException | RuntimeException e) {
      Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
      LOG.warn("mongodb ping failed error={}", cause.toString());
      return false;
    }
  }

  private boolean ping() {
    Document reply = database.runCommand(new Document("ping", 1));
    return reply.get("ok") instanceof Number ok && ok.doubleValue() == 1.0;
  }
}
