package com.minichat.domain.workspace;

import com.minichat.domain.common.Identifiers;

/** Public key that identifies a workspace's widget; safe to publish in a web page. */
public record WidgetKey(String value) {
  /** Prefix that makes widget keys recognisable and distinct from secret API keys. */
  public static final String PREFIX = "wk_";

  public WidgetKey {
    Identifiers.require(value, "WidgetKey");
  }

  /** A new random widget key. */
  public static WidgetKey generate() {
    return new WidgetKey(PREFIX + Identifiers.random(16));
  }
}
