package com.minichat.domain.common;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Checks of addresses that users give us (webhooks, self-hosted providers, widget images). */
public final class Urls {
  private Urls() {}

  /**
   * Whether {@code value} (surrounding spaces ignored) is an absolute {@code http} or {@code https}
   * address with a host, at most {@code maxLength} characters long.
   */
  public static boolean isHttp(String value, int maxLength) {
    URI uri = parse(value, maxLength);
    return uri != null && (scheme(uri).equals("http") || scheme(uri).equals("https"));
  }

  /**
   * Whether {@code value} (surrounding spaces ignored) is an absolute {@code https} address with a
   * host and without credentials, at most {@code maxLength} characters long: an address that is
   * safe to hand to visitors' browsers.
   */
  public static boolean isPublicHttps(String value, int maxLength) {
    URI uri = parse(value, maxLength);
    return uri != null && scheme(uri).equals("https") && uri.getRawUserInfo() == null;
  }

  /** The address when it is absolute, has a host and fits; otherwise {@code null}. */
  private static URI parse(String value, int maxLength) {
    if (value == null) {
      return null;
    }
    String url = value.strip();
    if (url.isEmpty() || url.length() > maxLength) {
      return null;
    }
    try {
      URI uri = new URI(url);
      return uri.getScheme() != null && uri.getHost() != null ? uri : null;
    } catch (URISyntaxException e) {
      return null;
    }
  }

  private static String scheme(URI uri) {
    return uri.getScheme().toLowerCase(Locale.ROOT);
  }
}
