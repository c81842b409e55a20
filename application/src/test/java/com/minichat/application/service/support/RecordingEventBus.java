package com.minichat.application.service.support;

import com.minichat.application.port.out.event.EventBus;
import com.minichat.domain.conversation.ConversationEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * An in-process {@link EventBus} that delivers synchronously to its subscribers and also records
 * everything published, for assertions.
 */
public final class RecordingEventBus implements EventBus {
  private final List<ConversationEvent> published = new CopyOnWriteArrayList<>();
  private final List<Consumer<ConversationEvent>> subscribers = new CopyOnWriteArrayList<>();

  @Override
  public void publish(ConversationEvent event) {
    published.add(event);
    for (Consumer<ConversationEvent> subscriber : subscribers) {
      subscriber.accept(event);
    }
  }

  @Override
  public AutoCloseable subscribe(Consumer<ConversationEvent> subscriber) {
    subscribers.add(subscriber);
    return () -> subscribers.remove(subscriber);
  }

  /** Every event published so far, in order. */
  public List<ConversationEvent> published() {
    return new ArrayList<>(published);
  }
}
