package com.minichat.adapters.redis.event;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.minichat.application.port.out.event.EventBus;
import com.minichat.domain.common.UpstreamUnavailableException;
import com.minichat.domain.conversation.ConversationEvent;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Connection;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;

/**
 * An {@link EventBus} over Redis pub/sub: every instance publishing on the channel {@value
 * #CHANNEL} reaches the subscribers of every instance, its own included (delivery always goes
 * through Redis, so each subscriber sees each event once).
 *
 * <p>Events travel as JSON ({@link EventJson}). One daemon thread per bus holds a subscription on a
 * connection taken from the client's pool and hands each event to the local subscribers in turn; a
 * subscriber that throws is logged and skipped. When the connection drops — or goes silent: a
 * second daemon thread publishes a heartbeat on a channel of this bus's own every few seconds and
 * cuts a subscription that stops receiving it — the subscription is re-established with exponential
 * backoff and jitter. Events published meanwhile are lost, as the port's at-most-once contract
 * allows.
 *
 * <p>The heartbeat travels over a separate publish rather than a {@code PING} on the subscribed
 * connection: with RESP3, which Jedis 8 negotiates by default, {@code JedisPubSub.ping()} races
 * with its own reader and can fail with "Unexpected message: PONG".
 *
 * <p>{@link #close()} stops both threads and closes the connection; it does not close the {@link
 * RedisClient}, which belongs to the caller.
 */
public final class RedisEventBus implements EventBus, AutoCloseable {
  /** The Redis channel carrying the events. */
  public static final String CHANNEL = "minichat:events";

  private static final Logger LOG = LoggerFactory.getLogger(RedisEventBus.class);

  private static final Duration MIN_BACKOFF = Duration.ofMillis(100);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
  private static final Duration HEARTBEAT_INTERVAL = Duration.ofSeconds(10);

  /** How long {@link #subscribe} waits for the Redis subscription when it is not active. */
  private static final Duration SUBSCRIBE_WAIT = Duration.ofSeconds(2);

  /** How long {@link #close} waits for the subscriber thread to end. */
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private final RedisClient redis;
  private final Duration minBackoff;
  private final Duration maxBackoff;
  private final Duration heartbeatInterval;
  private final String heartbeatChannel = CHANNEL + ":heartbeat:" + UUID.randomUUID();
  private final CopyOnWriteArrayList<Registration> subscribers = new CopyOnWriteArrayList<>();
  private final ReentrantLock stateLock = new ReentrantLock();
  private final Condition stateChanged = stateLock.newCondition();
  private final Thread listenerThread;
  private final Thread watchdogThread;

  private final AtomicBoolean closing = new AtomicBoolean();
  private volatile boolean closed;
  private volatile Subscription current;
  private boolean subscribed; // guarded by stateLock

  /**
   * A bus on {@code redis}; starts the subscriber thread at once. Holds one connection of the
   * client's pool for as long as it is open.
   */
  public RedisEventBus(RedisClient redis) {
    this(redis, MIN_BACKOFF, MAX_BACKOFF, HEARTBEAT_INTERVAL);
  }

  /** A bus with its own reconnect and keep-alive timings, for tests. */
  RedisEventBus(
      RedisClient redis, Duration minBackoff, Duration maxBackoff, Duration heartbeatInterval) {
    this.redis = Objects.requireNonNull(redis, "redis");
    this.minBackoff = minBackoff;
    this.maxBackoff = maxBackoff;
    this.heartbeatInterval = heartbeatInterval;
    this.listenerThread =
        Thread.ofPlatform().daemon().name("minichat-redis-events").unstarted(this::listen);
    this.watchdogThread =
        Thread.ofPlatform().daemon().name("minichat-redis-events-heartbeat").unstarted(this::watch);
    listenerThread.start();
    watchdogThread.start();
  }

  /**
   * Sends {@code event} to every subscriber on every instance.
   *
   * @throws UpstreamUnavailableException when Redis cannot take the message
   */
  @Override
  public void publish(ConversationEvent event) {
    Objects.requireNonNull(event, "event");
    String payload;
    try {
      payload = JSON.writeValueAsString(EventJson.from(event));
    } catch (JacksonException e) {
      throw new IllegalStateException("an event could not be written as JSON", e);
    }
    try {
      redis.publish(CHANNEL, payload);
    } catch (JedisException e) {
      LOG.warn(
          "Publishing event {} on Redis failed: {}",
          event.getClass().getSimpleName(),
          e.toString());
      throw new UpstreamUnavailableException("Redis is unavailable for events", e);
    }
  }

  /**
   * Registers {@code subscriber}. When the Redis subscription is (re)connecting, waits briefly for
   * it so that events published right after this call are seen; it never fails because of Redis.
   */
  @Override
  public AutoCloseable subscribe(Consumer<ConversationEvent> subscriber) {
    Objects.requireNonNull(subscriber, "subscriber");
    if (closed) {
      throw new IllegalStateException("the event bus is closed");
    }
    Registration registration = new Registration(subscriber);
    subscribers.add(registration);
    awaitSubscribed(SUBSCRIBE_WAIT);
    return registration;
  }

  /** Stops delivery, ends the subscriber threads and closes the connection. Idempotent. */
  @Override
  public void close() {
    if (!closing.compareAndSet(false, true)) {
      return;
    }
    closed = true;
    Subscription subscription = current;
    if (subscription != null) {
      subscription.stop();
    }
    listenerThread.interrupt();
    watchdogThread.interrupt();
    signalState(false);
    subscribers.clear();
    if (Thread.currentThread() == listenerThread) {
      return; // closed from a subscriber callback: the loop ends once the callback returns
    }
    try {
      if (!listenerThread.join(CLOSE_WAIT)) {
        LOG.warn("The Redis event subscriber did not stop within {}", CLOSE_WAIT);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Whether the Redis subscription is active right now. */
  boolean isSubscribed() {
    stateLock.lock();
    try {
      return subscribed;
    } finally {
      stateLock.unlock();
    }
  }

  /** The Redis client id of the subscription's connection, or -1 when there is none (tests). */
  long subscriberClientId() {
    Subscription subscription = current;
    return subscription == null || !isSubscribed() ? -1 : subscription.clientId;
  }

  /** Waits up to {@code timeout} for an active subscription; true when there is one. */
  boolean awaitSubscribed(Duration timeout) {
    long remaining = timeout.toNanos();
    stateLock.lock();
    try {
      while (!subscribed && !closed && remaining > 0) {
        remaining = stateChanged.awaitNanos(remaining);
      }
      if (!subscribed) {
        LOG.debug("The Redis event subscription is not active; events may be missed meanwhile");
      }
      return subscribed;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      stateLock.unlock();
    }
  }

  private void signalState(boolean active) {
    stateLock.lock();
    try {
      subscribed = active;
      stateChanged.signalAll();
    } finally {
      stateLock.unlock();
    }
  }

  /** The subscriber thread: subscribe, and subscribe again with backoff whenever it ends. */
  private void listen() {
    long backoffMillis = minBackoff.toMillis();
    int failures = 0;
    while (!closed) {
      Subscription subscription = null;
      Connection connection = null;
      try {
        connection = redis.getPool().getResource();
        long clientId = new Jedis(connection).clientId();
        subscription = new Subscription(connection, clientId);
        current = subscription;
        if (closed) {
          break;
        }
        subscription.proceed(connection, CHANNEL, heartbeatChannel);
        if (!closed) {
          LOG.warn("The Redis event subscription ended unexpectedly; subscribing again");
        }
      } catch (JedisException e) {
        if (!closed) {
          failures++;
          if (subscription != null && subscription.wasActive) {
            LOG.warn("The Redis event subscription was lost; reconnecting", e);
          } else {
            LOG.warn(
                "Subscribing to Redis events failed ({} in a row): {}", failures, e.toString());
          }
        }
      } catch (RuntimeException e) {
        if (!closed) {
          failures++;
          LOG.error("The Redis event subscriber failed unexpectedly; restarting it", e);
        }
      } finally {
        current = null;
        signalState(false);
        discard(connection);
      }
      if (subscription != null && subscription.wasActive) {
        failures = 0;
        backoffMillis = minBackoff.toMillis();
      }
      if (closed) {
        break;
      }
      long jittered = ThreadLocalRandom.current().nextLong(backoffMillis / 2, backoffMillis + 1);
      try {
        Thread.sleep(jittered);
      } catch (InterruptedException e) {
        if (closed) {
          break;
        }
      }
      backoffMillis = Math.min(maxBackoff.toMillis(), Math.max(1, backoffMillis * 2));
    }
    LOG.debug("The Redis event subscriber stopped");
  }

  /**
   * Gives the connection back for destruction, never for reuse: after a subscription it may still
   * hold unread pub/sub replies, which would be read as the answer to the next pooled command.
   */
  private static void discard(Connection connection) {
    if (connection == null) {
      return;
    }
    try {
      connection.setBroken();
      connection.close();
    } catch (RuntimeException e) {
      LOG.debug("Discarding the Redis event connection failed: {}", e.toString());
    }
  }

  /** The heartbeat thread: publishes heartbeats and cuts a subscription that stops hearing them. */
  private void watch() {
    long intervalNanos = heartbeatInterval.toNanos();
    while (!closed) {
      try {
        TimeUnit.NANOSECONDS.sleep(intervalNanos);
      } catch (InterruptedException e) {
        if (closed) {
          return;
        }
        continue;
      }
      Subscription subscription = current;
      if (subscription == null || !subscription.isSubscribed()) {
        continue;
      }
      long silentNanos = System.nanoTime() - subscription.lastHeardNanos;
      if (silentNanos > 3 * intervalNanos) {
        LOG.warn(
            "The Redis event subscription heard nothing for {} ms; reconnecting",
            TimeUnit.NANOSECONDS.toMillis(silentNanos));
        subscription.cut();
        continue;
      }
      try {
        redis.publish(heartbeatChannel, "1");
      } catch (JedisException e) {
        LOG.warn("Publishing the Redis event heartbeat failed: {}", e.toString());
      }
    }
  }

  private void dispatch(String payload) {
    ConversationEvent event;
    try {
      EventJson wire = JSON.readValue(payload, EventJson.class);
      event = wire == null ? null : wire.toEvent();
      if (event == null) {
        LOG.debug("Skipping an event this version does not know on {}", CHANNEL);
        return;
      }
    } catch (JacksonException | RuntimeException e) {
      LOG.warn("Skipping an unreadable event on {}: {}", CHANNEL, e.toString());
      return;
    }
    for (Registration registration : subscribers) {
      registration.deliver(event);
    }
  }

  /** One Redis subscription on one pooled connection. */
  private final class Subscription extends JedisPubSub {
    private final Connection connection;
    private final long clientId;
    private volatile long lastHeardNanos = System.nanoTime();
    private volatile boolean wasActive;

    Subscription(Connection connection, long clientId) {
      this.connection = connection;
      this.clientId = clientId;
    }

    @Override
    public void onSubscribe(String channel, int subscribedChannels) {
      lastHeardNanos = System.nanoTime();
      if (CHANNEL.equals(channel)) {
        wasActive = true;
        LOG.info("Subscribed to Redis channel {} (client id {})", channel, clientId);
        signalState(true);
      }
    }

    @Override
    public void onUnsubscribe(String channel, int subscribedChannels) {
      if (subscribedChannels == 0) {
        signalState(false);
      }
    }

    @Override
    public void onMessage(String channel, String message) {
      lastHeardNanos = System.nanoTime();
      if (CHANNEL.equals(channel)) {
        dispatch(message);
      }
    }

    /** Ends the subscription politely, or by closing the socket when that fails. */
    void stop() {
      try {
        if (isSubscribed()) {
          unsubscribe();
          return;
        }
      } catch (JedisException e) {
        LOG.debug("Unsubscribing from Redis events failed: {}", e.toString());
      }
      cut();
    }

    /** Closes the socket, which ends {@code proceed} with an exception on the subscriber thread. */
    void cut() {
      try {
        connection.forceDisconnect();
      } catch (IOException | RuntimeException e) {
        LOG.debug("Closing the Redis event connection failed: {}", e.toString());
      }
    }
  }

  /** One local subscriber; closing it removes it. */
  private final class Registration implements AutoCloseable {
    private final Consumer<ConversationEvent> subscriber;
    private volatile boolean active = true;

    Registration(Consumer<ConversationEvent> subscriber) {
      this.subscriber = subscriber;
    }

    void deliver(ConversationEvent event) {
      if (!active) {
        return;
      }
      try {
        subscriber.accept(event);
      } catch (RuntimeException e) {
        LOG.warn(
            "An event subscriber failed on {}; the others still receive it",
            event.getClass().getSimpleName(),
            e);
      }
    }

    @Override
    public void close() {
      active = false;
      subscribers.remove(this);
    }
  }
}
