package com.minichat.application.port.out.event;

import com.minichat.domain.conversation.ConversationEvent;
import java.util.function.Consumer;

/**
 * Publishes domain events to every subscriber on every instance (in-process for one instance, Redis
 * pub/sub for several). Delivery is at most once; subscribers must not block.
 */
public interface EventBus {
  void publish(ConversationEvent event);

  /** Registers {@code subscriber}; closing the returned handle stops delivery to it. */
  AutoCloseable subscribe(Consumer<ConversationEvent> subscriber);
}
