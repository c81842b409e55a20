package com.minichat.adapters.http.support;

import com.minichat.application.port.in.account.AuthenticateUserUseCase;
import com.minichat.application.port.in.apikey.ApiKeyAuthentication;
import com.minichat.application.port.in.apikey.AuthenticateApiKeyUseCase;
import com.minichat.domain.access.Actor;
import com.minichat.domain.access.KeyActor;
import com.minichat.domain.access.UserActor;
import com.minichat.domain.apikey.ApiKey;
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
    String headerKey = ctx.header(API_KEY_HEADER);
    if (headerKey != null && !headerKey.isBlank()) {
      return key(ctx, headerKey.strip());
    }
    String bearer = Requests.bearerToken(ctx);
    return bearer.startsWith(ApiKey.PREFIX)
        ? key(ctx, bearer)
        : new UserActor(users.authenticate(bearer).id());
  }

  private KeyActor key(Context ctx, String secret) {
    ApiKeyAuthentication accepted = apiKeys.authenticate(secret);
    ctx.header("RateLimit-Limit", Integer.toString(accepted.limit()));
    ctx.header("RateLimit-Remaining", Integer.toString(accepted.remaining()));
    ctx.header("RateLimit-Reset", Long.toString(accepted.reset().toSeconds()));
    return new KeyActor(accepted.key());
  }
}
