package com.minichat.bootstrap;

import com.minichat.application.port.out.event.EventBus;
import com.minichat.domain.conversation.ConversationEvent;
import com.minichat.domain.conversation.MessagePosted;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Consumer;

/**
 * Counts the messages this instance stores ({@code minichat_messages_total} by author) as it
 * publishes them. Counting what is published rather than what is heard keeps each instance's count
 * to its own messages: with Redis every instance hears every instance's events, and summing the
 * instances' counters would count each message once per instance.
 */
final class CountingEventBus implements EventBus {
  private final EventBus delegate;
  private final MeterRegistry metrics;

  CountingEventBus(EventBus delegate, MeterRegistry metrics) {
    this.delegate = delegate;
    this.metrics = metrics;
  }

  @Override
  public void publish(ConversationEvent event) {
    if (event instanceof MessagePosted posted) {
      Counter.builder("minichat.messages")
          .description("Messages stored, by author")
          .tag("author", posted.author().name())
          .register(metrics)
          .increment();
    }
    delegate.publish(event);
  }

  @Override
  public AutoCloseable subscribe(Consumer<ConversationEvent> subscriber) {
    return delegate.subscribe(subscriber);
  }
}
