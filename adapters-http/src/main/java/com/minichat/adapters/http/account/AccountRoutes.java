package com.minichat.adapters.http.account;

import com.minichat.adapters.http.support.Envelope;
import com.minichat.adapters.http.support.JsonBody;
import com.minichat.adapters.http.support.Requests;
import com.minichat.application.port.in.account.AuthenticateUserUseCase;
import com.minichat.application.port.in.account.LogInCommand;
import com.minichat.application.port.in.account.LogInUseCase;
import com.minichat.application.port.in.account.LoginResult;
import com.minichat.application.port.in.account.RegisterUserCommand;
import com.minichat.application.port.in.account.RegisterUserUseCase;
import com.minichat.domain.user.User;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Instant;
import java.util.Map;

/** Registration, sign-in and the current user. */
public final class AccountRoutes {
  private final RegisterUserUseCase register;
  private final LogInUseCase logIn;
  private final AuthenticateUserUseCase authenticate;
  private final JsonBody body;
  private final Envelope envelope;

  public AccountRoutes(
      RegisterUserUseCase register,
      LogInUseCase logIn,
      AuthenticateUserUseCase authenticate,
      JsonBody body,
      Envelope envelope) {
    this.register = register;
    this.logIn = logIn;
    this.authenticate = authenticate;
    this.body = body;
    this.envelope = envelope;
  }

  /** Sign-up data. */
  public record RegisterRequest(String email, String password, String name) {}

  /** Sign-in data. */
  public record LoginRequest(String email, String password) {}

  /** A user as the API shows it (never the password hash). */
  public record UserResponse(String id, String email, String name, Instant createdAt) {
    static UserResponse from(User user) {
      return new UserResponse(
          user.id().value(), user.email().value(), user.name(), user.createdAt());
    }
  }

  /** Adds the routes. */
  public void register(JavalinDefaultRoutingApi routes) {
    routes.post("/api/v1/auth/register", this::registerUser);
    routes.post("/api/v1/auth/login", this::logInUser);
    routes.get("/api/v1/me", this::me);
  }

  /** The signed-in user of a request; refuses requests without a valid access token. */
  public User currentUser(Context ctx) {
    return authenticate.authenticate(Requests.bearerToken(ctx));
  }

  private void registerUser(Context ctx) {
    RegisterRequest request = body.read(ctx, RegisterRequest.class);
    User user =
        register.register(
            new RegisterUserCommand(request.email(), request.password(), request.name()));
    envelope.write(ctx, HttpStatus.CREATED, Map.of("user", UserResponse.from(user)));
  }

  private void logInUser(Context ctx) {
    LoginRequest request = body.read(ctx, LoginRequest.class);
    LoginResult result = logIn.logIn(new LogInCommand(request.email(), request.password()));
    envelope.ok(
        ctx, Map.of("accessToken", result.accessToken(), "user", UserResponse.from(result.user())));
  }

  private void me(Context ctx) {
    envelope.ok(ctx, Map.of("user", UserResponse.from(currentUser(ctx))));
  }
}
