package com.minichat.adapters.email;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * Where and how to reach an SMTP server.
 *
 * @param host server host name or address
 * @param port server port
 * @param username login name, or {@code null} for a server without authentication
 * @param password login password, or {@code null} without authentication
 * @param implicitTls whether the connection is TLS from the first byte ({@code smtps://}, usually
 *     port 465)
 * @param startTls whether a plain connection must be upgraded with STARTTLS before logging in
 *     (usually port 587); refused rather than silently sent in clear text when the server does not
 *     offer it
 */
public record SmtpEndpoint(
    String host,
    int port,
    String username,
    String password,
    boolean implicitTls,
    boolean startTls) {

  /** Validates the endpoint. */
  public SmtpEndpoint {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("SMTP host is required");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("SMTP port must be between 1 and 65535");
    }
    if ((username == null) != (password == null)) {
      throw new IllegalArgumentException("SMTP user name and password go together");
    }
    if (implicitTls && startTls) {
      throw new IllegalArgumentException("STARTTLS does not apply to smtps:// (already TLS)");
    }
  }

  /**
   * Reads {@code smtp://user:pass@host:port} or {@code smtps://user:pass@host:port}. User name and
   * password are optional and may be percent-encoded (for example {@code %40} for {@code @}). The
   * port defaults to 465 for {@code smtps}, to 587 for {@code smtp} with STARTTLS and to 25
   * otherwise.
   *
   * @param url the server URL
   * @param startTls whether to require STARTTLS on an {@code smtp://} connection
   * @throws IllegalArgumentException if the URL is not such a URL; the message never repeats the
   *     URL, which may hold a password
   */
  public static SmtpEndpoint parse(String url, boolean startTls) {
    Objects.requireNonNull(url, "url");
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("SMTP URL is not a valid URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    boolean implicitTls =
        switch (scheme) {
          case "smtps" -> true;
          case "smtp" -> false;
          default ->
              throw new IllegalArgumentException("SMTP URL must start with smtp:// or smtps://");
        };
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("SMTP URL must name a host");
    }
    int port = uri.getPort() != -1 ? uri.getPort() : implicitTls ? 465 : startTls ? 587 : 25;
    String username = null;
    String password = null;
    String userInfo = uri.getRawUserInfo();
    if (userInfo != null && !userInfo.isEmpty()) {
      int colon = userInfo.indexOf(':');
      username = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
      password = colon < 0 ? "" : decode(userInfo.substring(colon + 1));
    }
    return new SmtpEndpoint(uri.getHost(), port, username, password, implicitTls, startTls);
  }

  /** Whether the server wants a login. */
  public boolean authenticated() {
    return username != null;
  }

  /** Never prints the password: endpoints end up in logs and exception messages. */
  @Override
  public String toString() {
    return (implicitTls ? "smtps://" : "smtp://")
        + (username == null ? "" : username + ":***@")
        + host
        + ":"
        + port
        + (startTls ? " (STARTTLS)" : "");
  }

  /** Percent-decoding of a URL user-info part; unlike form decoding, '+' stays a plus sign. */
  private static String decode(String part) {
    return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
