package com.minichat.bootstrap.embedded;

import com.minichat.application.port.out.event.EventBus;
import com.minichat.domain.conversation.ConversationEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Delivers events to subscribers of this process only (the single-instance embedded default). */
public final class InProcessEventBus implements EventBus {
  private static final Logger LOG = LoggerFactory.getLogger(InProcessEventBus.class);

  private final List<Consumer<ConversationEvent>> subscribers = new CopyOnWriteArrayList<>();

  @Override
  public void publish(ConversationEvent event) {
    for (Consumer<ConversationEvent> subscriber : subscribers) {
      try {
        subscriber.accept(event);
      } catch (RuntimeException e) {
        // One faulty subscriber must not keep the event from the others.
        LOG.error("event subscriber failed event={}", event.getClass().getSimpleName(), e);
      }
    }
  }

  @Override
  public AutoCloseable subscribe(Consumer<ConversationEvent> subscriber) {
    subscribers.add(subscriber);
    return () -> subscribers.remove(subscriber);
  }
}
