package com.minichat.domain.webhook;

import java.util.Optional;

/** Events a webhook can subscribe to, by their wire names. */
public enum WebhookEvent {
  MESSAGE_CREATED("message.created"),
  CONVERSATION_CREATED("conversation.created"),
  LEAD_CREATED("lead.created");

  private final String wireName;

  WebhookEvent(String wireName) {
    this.wireName = wireName;
  }

  /** The name used in the API and in deliveries, e.g. {@code message.created}. */
  public String wireName() {
    return wireName;
  }

  /** The event with this wire name. */
  public static Optional<WebhookEvent> fromWireName(String name) {
    for (WebhookEvent event : values()) {
      if (event.wireName.equals(name)) {
        return Optional.of(event);
      }
    }
    return Optional.empty();
  }
}
