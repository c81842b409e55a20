package com.minichat.application.port.out.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.minichat.domain.conversation.ConversationChanged;
import com.minichat.domain.conversation.ConversationEvent;
import com.minichat.domain.conversation.ConversationId;
import com.minichat.domain.conversation.MessageAuthor;
import com.minichat.domain.conversation.MessageChanged;
import com.minichat.domain.conversation.MessageId;
import com.minichat.domain.conversation.MessagePosted;
import com.minichat.domain.conversation.Presence;
import com.minichat.domain.conversation.Typing;
import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.WorkspaceId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Behaviour every {@link EventBus} must show. Extend it and return a ready bus from {@link
 * #newEventBus()}; a bus that is {@link AutoCloseable} is closed after each test.
 *
 * <p>Delivery may be asynchronous, so the tests wait for events (at most {@link #DELIVERY_TIMEOUT}
 * each). Buses backed by a shared broker (Redis) may also carry other runs' events: every test
 * publishes under its own random workspace and only looks at that workspace's events.
 */
@Timeout(60)
public abstract class EventBusContractTest {
  /** How long a test waits for an event it expects. */
  protected static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(5);

  /** An instant with nanoseconds, to check that no precision is lost on the way. */
  protected static final Instant AT = Instant.parse("2026-03-01T10:15:30.123456789Z");

  private final List<AutoCloseable> toClose = new ArrayList<>();

  private EventBus bus;

  /** The workspace of this test's events. */
  protected WorkspaceId workspace;

  /** A new bus; called before every test. */
  protected abstract EventBus newEventBus();

  @BeforeEach
  void setUpEventBus() {
    workspace = new WorkspaceId("contract-" + WorkspaceId.generate().value());
    bus = newEventBus();
    if (bus instanceof AutoCloseable closeable) {
      toClose.add(closeable);
    }
  }

  @AfterEach
  void closeEverything() throws Exception {
    for (AutoCloseable closeable : toClose.reversed()) {
      closeable.close();
    }
    toClose.clear();
  }

  /** A new event of this test's workspace. */
  protected MessagePosted event(MessageAuthor author) {
    return new MessagePosted(
        workspace, ConversationId.generate(), MessageId.generate(), author, AT);
  }

  /** Subscribes a recorder of this test's events to {@code eventBus}; closed after the test. */
  protected Recorder record(EventBus eventBus) {
    Recorder recorder = new Recorder(workspace);
    AutoCloseable subscription = eventBus.subscribe(recorder);
    assertNotNull(subscription, "subscribe must return a handle");
    recorder.subscription = subscription;
    toClose.add(subscription);
    return recorder;
  }

  @Test
  void subscriberReceivesThePublishedEventWithEveryFieldIntact() throws Exception {
    Recorder recorder = record(bus);
    MessagePosted event = event(MessageAuthor.VISITOR);

    bus.publish(event);

    assertEquals(event, recorder.next());
  }

  @Test
  void everyKindOfEventSurvivesTheTripWithEveryFieldIntact() throws Exception {
    Recorder recorder = record(bus);
    ConversationId conversation = ConversationId.generate();
    UserId agent = new UserId("agent-1");
    List<ConversationEvent> kinds =
        List.of(
            new MessageChanged(workspace, conversation, MessageId.generate(), AT),
            new ConversationChanged(workspace, conversation, AT),
            new Typing(workspace, conversation, MessageAuthor.AI, null, true, AT),
            new Typing(workspace, conversation, MessageAuthor.AGENT, agent, false, AT),
            new Presence(workspace, conversation, MessageAuthor.VISITOR, null, true, AT),
            new Presence(workspace, null, MessageAuthor.AGENT, agent, false, AT));

    kinds.forEach(bus::publish);

    List<ConversationEvent> received = new ArrayList<>();
    for (int i = 0; i < kinds.size(); i++) {
      received.add(recorder.next());
    }
    assertEquals(Set.copyOf(kinds), Set.copyOf(received));
  }

  @Test
  void everyAuthorSurvivesTheTrip() throws Exception {
    Recorder recorder = record(bus);
    Set<MessagePosted> published = new HashSet<>();
    for (MessageAuthor author : MessageAuthor.values()) {
      MessagePosted event = event(author);
      published.add(event);
      bus.publish(event);
    }

    Set<ConversationEvent> received = new HashSet<>();
    for (int i = 0; i < published.size(); i++) {
      received.add(recorder.next());
    }

    assertEquals(published, received);
  }

  @Test
  void everySubscriberReceivesEveryEvent() throws Exception {
    Recorder first = record(bus);
    Recorder second = record(bus);
    Recorder third = record(bus);
    MessagePosted one = event(MessageAuthor.VISITOR);
    MessagePosted two = event(MessageAuthor.AI);

    bus.publish(one);
    bus.publish(two);

    for (Recorder recorder : List.of(first, second, third)) {
      assertEquals(Set.of(one, two), Set.of(recorder.next(), recorder.next()));
    }
    // Exactly once each: a further event is the next thing every subscriber sees.
    MessagePosted three = event(MessageAuthor.AGENT);
    bus.publish(three);
    for (Recorder recorder : List.of(first, second, third)) {
      assertEquals(three, recorder.next());
    }
  }

  @Test
  void closingASubscriptionStopsDeliveryToItOnly() throws Exception {
    Recorder leaving = record(bus);
    Recorder staying = record(bus);
    MessagePosted before = event(MessageAuthor.VISITOR);
    bus.publish(before);
    assertEquals(before, leaving.next());
    assertEquals(before, staying.next());

    leaving.subscription.close();
    MessagePosted after = event(MessageAuthor.AI);
    MessagePosted marker = event(MessageAuthor.SYSTEM);
    bus.publish(after);
    bus.publish(marker);

    assertEquals(Set.of(after, marker), Set.of(staying.next(), staying.next()));
    assertTrue(leaving.received.isEmpty(), "delivered after close: " + leaving.received);
  }

  @Test
  void closingASubscriptionTwiceIsHarmless() throws Exception {
    Recorder recorder = record(bus);

    recorder.subscription.close();
    recorder.subscription.close();

    Recorder other = record(bus);
    MessagePosted event = event(MessageAuthor.VISITOR);
    bus.publish(event);
    assertEquals(event, other.next());
  }

  @Test
  void aThrowingSubscriberDoesNotStopTheOthers() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    Consumer<ConversationEvent> throwing =
        event -> {
          if (event.workspaceId().equals(workspace)) {
            calls.incrementAndGet();
          }
          throw new IllegalStateException("subscriber failure expected by the test");
        };
    toClose.add(bus.subscribe(throwing));
    Recorder recorder = record(bus);
    MessagePosted first = event(MessageAuthor.VISITOR);
    MessagePosted second = event(MessageAuthor.AI);

    bus.publish(first);
    bus.publish(second);

    assertEquals(Set.of(first, second), Set.of(recorder.next(), recorder.next()));
    assertEquals(2, calls.get(), "the throwing subscriber keeps receiving events");
  }

  @Test
  void publishingWithoutSubscribersIsFine() throws Exception {
    // Another workspace, so that this event cannot reach the recorder if it is still in flight.
    bus.publish(
        new MessagePosted(
            WorkspaceId.generate(),
            ConversationId.generate(),
            MessageId.generate(),
            MessageAuthor.SYSTEM,
            AT));

    Recorder recorder = record(bus);
    MessagePosted event = event(MessageAuthor.VISITOR);
    bus.publish(event);
    assertEquals(event, recorder.next());
  }

  /** Records the events of one workspace, in arrival order. */
  protected static final class Recorder implements Consumer<ConversationEvent> {
    private final WorkspaceId workspace;

    /** What arrived and was not taken with {@link #next()} yet. */
    public final BlockingQueue<ConversationEvent> received = new LinkedBlockingQueue<>();

    AutoCloseable subscription;

    Recorder(WorkspaceId workspace) {
      this.workspace = workspace;
    }

    @Override
    public void accept(ConversationEvent event) {
      if (event.workspaceId().equals(workspace)) {
        received.add(event);
      }
    }

    /** The next event, waiting at most {@link #DELIVERY_TIMEOUT}; fails when none arrives. */
    public ConversationEvent next() throws InterruptedException {
      ConversationEvent event = received.poll(DELIVERY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      assertNotNull(event, "no event within " + DELIVERY_TIMEOUT);
      return event;
    }

    /** The handle returned by {@code subscribe}. */
    public AutoCloseable subscription() {
      return subscription;
    }
  }
}
