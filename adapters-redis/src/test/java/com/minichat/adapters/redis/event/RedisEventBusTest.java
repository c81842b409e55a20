package com.minichat.adapters.redis.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.minichat.adapters.redis.RedisConnections;
import com.minichat.adapters.redis.RedisTestSupport;
import com.minichat.adapters.redis.TcpProxy;
import com.minichat.application.port.out.event.EventBus;
import com.minichat.application.port.out.event.EventBusContractTest;
import com.minichat.domain.common.UpstreamUnavailableException;
import com.minichat.domain.conversation.ConversationId;
import com.minichat.domain.conversation.MessageAuthor;
import com.minichat.domain.conversation.MessageId;
import com.minichat.domain.conversation.MessagePosted;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Connection;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.ClientKillParams;

class RedisEventBusTest extends EventBusContractTest {
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
  protected EventBus newEventBus() {
    return new RedisEventBus(redis);
  }

  @Test
  void busesOnSeparateClientsSeeEachOthersEvents() throws Exception {
    try (RedisClient otherClient = RedisTestSupport.open();
        RedisEventBus instanceA = new RedisEventBus(redis);
        RedisEventBus instanceB = new RedisEventBus(otherClient)) {
      Recorder onA = record(instanceA);
      Recorder onB = record(instanceB);
      MessagePosted fromA = event(MessageAuthor.VISITOR);
      MessagePosted fromB = event(MessageAuthor.AI);

      instanceA.publish(fromA);
      assertEquals(fromA, onB.next());
      assertEquals(fromA, onA.next());

      instanceB.publish(fromB);
      assertEquals(fromB, onA.next());
      assertEquals(fromB, onB.next());
    }
  }

  @Test
  void readsTheDocumentedWireFormat() throws Exception {
    try (RedisEventBus bus = new RedisEventBus(redis)) {
      Recorder recorder = record(bus);

      redis.publish(
          RedisEventBus.CHANNEL,
          """
          {"type":"MessagePosted","version":1,"workspaceId":"%s","conversationId":"c1",\
          "messageId":"m1","author":"AGENT","at":"2026-03-01T10:15:30.123456789Z",\
          "addedLater":true}"""
              .formatted(workspace.value()));

      assertEquals(
          new MessagePosted(
              workspace,
              new ConversationId("c1"),
              new MessageId("m1"),
              MessageAuthor.AGENT,
              Instant.parse("2026-03-01T10:15:30.123456789Z")),
          recorder.next());
    }
  }

  @Test
  void skipsUnreadableAndUnknownMessagesAndKeepsListening() throws Exception {
    try (RedisEventBus bus = new RedisEventBus(redis)) {
      Recorder recorder = record(bus);
      MessagePosted event = event(MessageAuthor.VISITOR);

      redis.publish(RedisEventBus.CHANNEL, "not json");
      redis.publish(RedisEventBus.CHANNEL, "{\"type\":\"SomethingNew\",\"version\":1}");
      redis.publish(RedisEventBus.CHANNEL, "{\"type\":\"MessagePosted\",\"version\":1}");
      bus.publish(event);

      assertEquals(event, recorder.next());
      assertTrue(bus.isSubscribed());
    }
  }

  @Test
  void resubscribesAfterTheConnectionIsKilled() throws Exception {
    try (RedisEventBus bus =
        new RedisEventBus(
            redis, Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofSeconds(10))) {
      Recorder recorder = record(bus);
      long firstId = bus.subscriberClientId();
      assertTrue(firstId > 0, "not subscribed");

      try (Connection connection = redis.getPool().getResource()) {
        new Jedis(connection).clientKill(new ClientKillParams().id(Long.toString(firstId)));
      }

      awaitTrue(
          () -> bus.subscriberClientId() > 0 && bus.subscriberClientId() != firstId,
          "a new subscription");
      assertNotEquals(firstId, bus.subscriberClientId());
      MessagePosted event = event(MessageAuthor.AI);
      bus.publish(event);
      assertEquals(event, recorder.next());
    }
  }

  @Test
  void resubscribesWhenTheConnectionGoesSilent() throws Exception {
    URI target = URI.create(RedisTestSupport.URL);
    try (TcpProxy proxy =
            new TcpProxy(target.getHost(), target.getPort() == -1 ? 6379 : target.getPort());
        RedisClient proxied = RedisConnections.open(proxy.url(), 4, Duration.ofMillis(500));
        RedisEventBus bus =
            new RedisEventBus(
                proxied, Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofMillis(100));
        RedisEventBus publisher = new RedisEventBus(redis)) {
      Recorder recorder = record(bus);
      long firstId = bus.subscriberClientId();
      assertTrue(firstId > 0, "not subscribed");

      proxy.freezeOpenConnections();

      awaitTrue(
          () -> bus.subscriberClientId() > 0 && bus.subscriberClientId() != firstId,
          "a new subscription");
      MessagePosted event = event(MessageAuthor.AGENT);
      publisher.publish(event);
      assertEquals(event, recorder.next());
    }
  }

  @Test
  void heartbeatsDoNotDisturbTheSubscription() throws Exception {
    try (RedisEventBus bus =
        new RedisEventBus(
            redis, Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofMillis(50))) {
      Recorder recorder = record(bus);
      long id = bus.subscriberClientId();

      Thread.sleep(400);

      assertEquals(id, bus.subscriberClientId());
      MessagePosted event = event(MessageAuthor.SYSTEM);
      bus.publish(event);
      assertEquals(event, recorder.next());
    }
  }

  @Test
  void closeEndsTheSubscriptionAndReleasesTheConnection() throws Exception {
    try (RedisClient own = RedisTestSupport.open()) {
      RedisEventBus bus = new RedisEventBus(own);
      assertTrue(bus.awaitSubscribed(Duration.ofSeconds(5)));
      assertEquals(1, own.getPool().getNumActive());

      bus.close();
      bus.close();

      assertFalse(bus.isSubscribed());
      assertEquals(-1, bus.subscriberClientId());
      assertEquals(0, own.getPool().getNumActive());
      assertThrows(IllegalStateException.class, () -> bus.subscribe(event -> {}));
    }
  }

  @Test
  void publishingWhileRedisIsDownIsAnUpstreamFailure() {
    try (RedisClient unreachable = RedisTestSupport.openUnreachable();
        RedisEventBus bus =
            new RedisEventBus(
                unreachable,
                Duration.ofMillis(50),
                Duration.ofMillis(200),
                Duration.ofSeconds(10))) {
      assertFalse(bus.isSubscribed());
      assertThrows(
          UpstreamUnavailableException.class, () -> bus.publish(event(MessageAuthor.VISITOR)));
    }
  }

  private static void awaitTrue(BooleanSupplier condition, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(10);
    }
  }
}
