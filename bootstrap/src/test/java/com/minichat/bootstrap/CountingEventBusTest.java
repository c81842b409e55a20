package com.minichat.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.minichat.bootstrap.embedded.InProcessEventBus;
import com.minichat.domain.conversation.ConversationChanged;
import com.minichat.domain.conversation.ConversationEvent;
import com.minichat.domain.conversation.ConversationId;
import com.minichat.domain.conversation.MessageAuthor;
import com.minichat.domain.conversation.MessageId;
import com.minichat.domain.conversation.MessagePosted;
import com.minichat.domain.workspace.WorkspaceId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CountingEventBusTest {
  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
  private static final WorkspaceId WORKSPACE = new WorkspaceId("ws-1");

  private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
  private final InProcessEventBus shared = new InProcessEventBus();

  private static MessagePosted posted(MessageAuthor author) {
    return new MessagePosted(
        WORKSPACE, ConversationId.generate(), MessageId.generate(), author, NOW);
  }

  private double count(MessageAuthor author) {
    return metrics.counter("minichat.messages", "author", author.name()).count();
  }

  @Test
  void countsTheMessagesThisInstancePublishesAndPassesEveryEventOn() throws Exception {
    CountingEventBus bus = new CountingEventBus(shared, metrics);
    List<ConversationEvent> heard = new ArrayList<>();
    AutoCloseable listening = bus.subscribe(heard::add);

    bus.publish(posted(MessageAuthor.VISITOR));
    bus.publish(posted(MessageAuthor.AI));
    bus.publish(posted(MessageAuthor.AI));
    bus.publish(new ConversationChanged(WORKSPACE, ConversationId.generate(), NOW));

    assertEquals(1, count(MessageAuthor.VISITOR));
    assertEquals(2, count(MessageAuthor.AI));
    assertEquals(4, heard.size());
    listening.close();
  }

  @Test
  void messagesOfOtherInstancesAreHeardButNotCounted() {
    CountingEventBus bus = new CountingEventBus(shared, metrics);
    List<ConversationEvent> heard = new ArrayList<>();
    bus.subscribe(heard::add);

    // another instance publishes on the shared bus
    shared.publish(posted(MessageAuthor.VISITOR));

    assertEquals(1, heard.size());
    assertEquals(0, count(MessageAuthor.VISITOR));
  }
}
