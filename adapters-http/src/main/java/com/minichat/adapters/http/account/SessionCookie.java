package com.minichat.adapters.http.account;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The refresh-token cookie: httpOnly (scripts cannot read it), SameSite=Strict (no cross-site
 * requests carry it), scoped to the auth endpoints, and Secure outside development.
 */
public final class SessionCookie {
  /** Cookie name. */
  public static final String NAME = "mc_refresh";

  /** Only the auth endpoints (refresh, logout, password and 2FA changes) receive it. */
  public static final String PATH = "/api/v1/auth";

  private final boolean secure;
  private final Clock clock;

  /**
   * @param secure whether to mark the cookie Secure (HTTPS only); off only in development
   */
  public SessionCookie(boolean secure, Clock clock) {
    this.secure = secure;
    this.clock = clock;
  }

  /** Sets the cookie to {@code refreshToken} until {@code expiresAt}. */
  public void set(Context ctx, String refreshToken, Instant expiresAt) {
    long maxAge = Math.max(0, Duration.between(clock.instant(), expiresAt).toSeconds());
    ctx.header("Set-Cookie", value(refreshToken, maxAge));
  }

  /** Removes the cookie. */
  public void clear(Context ctx) {
    ctx.header("Set-Cookie", value("", 0));
  }

  /** The refresh token the request carries, or {@code null}. */
  public static String read(Context ctx) {
    return ctx.cookie(NAME);
  }

  private String value(String token, long maxAge) {
    return NAME
        + "="
        + token
        + "; Path="
        + PATH
        + "; Max-Age="
        + maxAge
        + "; HttpOnly; SameSite=Strict"
        + (secure ? "; Secure" : "");
  }
}
