package com.minichat.adapters.http.account;

import com.minichat.adapters.http.support.Actors;
import com.minichat.adapters.http.support.Envelope;
import com.minichat.adapters.http.support.JsonBody;
import com.minichat.application.port.in.account.ProfileUseCase;
import com.minichat.domain.user.User;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Instant;
import java.util.Map;

/** The signed-in user: who they are, and their profile. */
public final class AccountRoutes {
  private final Actors actors;
  private final ProfileUseCase profile;
  private final JsonBody body;
  private final Envelope envelope;

  public AccountRoutes(Actors actors, ProfileUseCase profile, JsonBody body, Envelope envelope) {
    this.actors = actors;
    this.profile = profile;
    this.body = body;
    this.envelope = envelope;
  }

  /** Profile changes; absent fields stay. */
  public record ProfileRequest(String name, String language) {}

  /** A user as the API shows it (never the password hash or security state). */
  public record UserResponse(
      String id,
      String email,
      String name,
      String language,
      boolean emailVerified,
      boolean twoFactorEnabled,
      Instant createdAt) {

    /** The response for {@code user}. */
    public static UserResponse from(User user) {
      return new UserResponse(
          user.id().value(),
          user.email().value(),
          user.name(),
          user.language(),
          user.emailVerified(),
          user.twoFactor().enabled(),
          user.createdAt());
    }
  }

  /** Adds the routes. */
  public void register(JavalinDefaultRoutingApi routes) {
    routes.get("/api/v1/me", ctx -> envelope.ok(ctx, userData(currentUser(ctx))));
    routes.patch("/api/v1/me", this::updateProfile);
  }

  /** The signed-in user of a request; refuses requests without a valid access token. */
  public User currentUser(Context ctx) {
    return actors.user(ctx);
  }

  /** {@code {"user": …}}. */
  public static Map<String, Object> userData(User user) {
    return Map.of("user", UserResponse.from(user));
  }

  private void updateProfile(Context ctx) {
    User user = currentUser(ctx);
    ProfileRequest request = body.read(ctx, ProfileRequest.class);
    envelope.ok(ctx, userData(profile.update(user.id(), request.name(), request.language())));
  }
}
