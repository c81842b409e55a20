package com.minichat.domain.webhook;

import com.minichat.domain.common.Identifiers;

/** Identifier of a webhook. */
public record WebhookId(String value) {
  public WebhookId {
    Identifiers.require(value, "WebhookId");
  }

  /** A new random identifier. */
  public static WebhookId generate() {
    return new WebhookId(Identifiers.random(12));
  }
}
