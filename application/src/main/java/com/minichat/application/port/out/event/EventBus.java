package com.minichat.application.port.out.event;

import com.minichat.domain.conversation.MessagePosted;
import java.util.function.Consumer;

/**
 * Publishes domain events to every subscriber on every instance (in-process for one instance, Redis
 * pub/sub for several). Delivery is at most once; subscribers must not block.
 */
public interface EventBus {
  void publish(MessagePosted event);

  /** Registers {@code subscriber}; closing the returned handle stops delivery to it. */
  AutoCloseable subscribe(Consumer<MessagePosted> subscriber);
}
