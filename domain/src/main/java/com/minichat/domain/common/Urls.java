package com.minichat.domain.common;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Checks of addresses that users give us (webhooks, self-hosted providers). */
public final class Urls {
  private Urls() {}

  /**
   * Whether {@code value} (surrounding spaces ignored) is an absolute {@code http} or {@code https}
   * address with a host, at most {@code maxLength} characters long.
   */
  public static boolean isHttp(String value, int maxLength) {
    if (value == null) {
      return false;
    }
    String url = value.strip();
    if (url.isEmpty() || url.length() > maxLength) {
      return false;
    }
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
