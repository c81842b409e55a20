package com.minichat.adapters.http.support;

import com.minichat.application.port.in.account.AuthenticateUserUseCase;
import com.minichat.application.port.in.apikey.ApiKeyAuthentication;
import com.minichat.application.port.in.apikey.AuthenticateApiKeyUseCase;
import com.minichat.domain.access.Actor;
import com.minichat.domain.access.KeyActor;
import com.minichat.domain.access.UserActor;
import com.minichat.domain.apikey.ApiKey;
import com.minichat.domain.common.AuthenticationException;
import com.minichat.domain.user.User;
import io.javalin.http.Context;

/**
 * Who is calling: a workspace API key ({@code Authorization: Bearer mc_live_…} or {@code
 * X-API-Key}) or a signed-in user (access token). Key requests get {@code RateLimit-*} headers.
 */
public final class Actors {
  private static final String API_KEY_HEADER = "X-API-Key";

  private final AuthenticateUserUseCase users;
  private final AuthenticateApiKeyUseCase apiKeys;

  public Actors(AuthenticateUserUseCase users, AuthenticateApiKeyUseCase apiKeys) {
    this.users = users;
    this.apiKeys = apiKeys;
  }

  /** The signed-in user; refuses API keys and anonymous requests. */
  public User user(Context ctx) {
    return users.authenticate(Requests.bearerToken(ctx));
  }

  /** The user or API key behind the request. */
  public Actor actor(Context ctx) {
    if (headerKey(ctx) == null) {
      String bearer = Requests.bearerToken(ctx);
      if (!bearer.startsWith(ApiKey.PREFIX)) {
        return new UserActor(users.authenticate(bearer).id());
      }
    }
    return key(ctx);
  }

  /**
   * The API key behind the request, for endpoints that act for a workspace's own systems; a
   * person's access token is refused like a missing key.
   */
  public KeyActor key(Context ctx) {
    String secret = headerKey(ctx);
    if (secret == null) {
      secret = Requests.bearerToken(ctx);
      if (!secret.startsWith(ApiKey.PREFIX)) {
        throw new AuthenticationException(
            "Send a workspace API key (" + ApiKey.PREFIX + "…) as Authorization: Bearer");
      }
    }
    ApiKeyAuthentication accepted = apiKeys.authenticate(secret);
    ctx.header("RateLimit-Limit", Integer.toString(accepted.limit()));
    ctx.header("RateLimit-Remaining", Integer.toString(accepted.remaining()));
    ctx.header("RateLimit-Reset", Long.toString(accepted.reset().toSeconds()));
    return new KeyActor(accepted.key());
  }

  /** The key of the {@code X-API-Key} header; {@code null} when there is none. */
  private static String headerKey(Context ctx) {
    String header = ctx.header(API_KEY_HEADER);
    return header == null || header.isBlank() ? null : header.strip();
  }
}
