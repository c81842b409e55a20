package com.minichat.adapters.http.account;

import com.minichat.adapters.http.support.Envelope;
import com.minichat.adapters.http.support.JsonBody;
import com.minichat.application.port.in.account.ClientInfo;
import com.minichat.application.port.in.account.LogInCommand;
import com.minichat.application.port.in.account.LoginOutcome;
import com.minichat.application.port.in.account.MfaChallenge;
import com.minichat.application.port.in.account.PasswordUseCase;
import com.minichat.application.port.in.account.RegisterUserCommand;
import com.minichat.application.port.in.account.RegistrationUseCase;
import com.minichat.application.port.in.account.Session;
import com.minichat.application.port.in.account.SessionUseCase;
import com.minichat.application.port.in.account.TwoFactorActivation;
import com.minichat.application.port.in.account.TwoFactorSetup;
import com.minichat.application.port.in.account.TwoFactorUseCase;
import com.minichat.domain.common.Violations;
import com.minichat.domain.user.User;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.LinkedHashMap;
import java.util.Map;

/** Sign-up, sign-in, sessions, passwords and two-factor authentication under /api/v1/auth. */
public final class AuthRoutes {
  private static final String ACCEPTED =
      "If the address belongs to an account, an e-mail is on its way.";

  private final RegistrationUseCase registration;
  private final SessionUseCase sessions;
  private final PasswordUseCase passwords;
  private final TwoFactorUseCase twoFactor;
  private final AccountRoutes accounts;
  private final SessionCookie cookie;
  private final JsonBody body;
  private final Envelope envelope;

  public AuthRoutes(
      RegistrationUseCase registration,
      SessionUseCase sessions,
      PasswordUseCase passwords,
      TwoFactorUseCase twoFactor,
      AccountRoutes accounts,
      SessionCookie cookie,
      JsonBody body,
      Envelope envelope) {
    this.registration = registration;
    this.sessions = sessions;
    this.passwords = passwords;
    this.twoFactor = twoFactor;
    this.accounts = accounts;
    this.cookie = cookie;
    this.body = body;
    this.envelope = envelope;
  }

  /** Sign-up data. */
  public record RegisterRequest(String email, String password, String name, String language) {}

  /** Sign-in data. */
  public record LoginRequest(String email, String password) {}

  /** The second sign-in step. */
  public record TwoFactorLoginRequest(String mfaToken, String code) {}

  /** A single-use token from an e-mail. */
  public record TokenRequest(String token) {}

  /** An e-mail address. */
  public record EmailRequest(String email) {}

  /** A new password with the reset token. */
  public record ResetPasswordRequest(String token, String newPassword) {}

  /** A password change by the signed-in user. */
  public record ChangePasswordRequest(String currentPassword, String newPassword) {}

  /** A code from the authenticator app. */
  public record CodeRequest(String code) {}

  /** Turning 2FA off. */
  public record DisableTwoFactorRequest(String password, String code) {}

  /** Adds the routes. */
  public void register(JavalinDefaultRoutingApi routes) {
    routes.post("/api/v1/auth/register", this::registerUser);
    routes.post("/api/v1/auth/verify-email", this::verifyEmail);
    routes.post("/api/v1/auth/verify-email/resend", this::resendVerification);
    routes.post("/api/v1/auth/login", this::logIn);
    routes.post("/api/v1/auth/login/2fa", this::logInWithCode);
    routes.post("/api/v1/auth/refresh", this::refresh);
    routes.post("/api/v1/auth/logout", this::logOut);
    routes.post("/api/v1/auth/logout-all", this::logOutEverywhere);
    routes.post("/api/v1/auth/unlock", this::unlock);
    routes.post("/api/v1/auth/password/forgot", this::forgotPassword);
    routes.post("/api/v1/auth/password/reset", this::resetPassword);
    routes.post("/api/v1/auth/password/change", this::changePassword);
    routes.post("/api/v1/auth/2fa/setup", this::setUpTwoFactor);
    routes.post("/api/v1/auth/2fa/verify", this::verifyTwoFactor);
    routes.post("/api/v1/auth/2fa/disable", this::disableTwoFactor);
  }

  /** Who is calling, for rate limits and the audit log. */
  public static ClientInfo client(Context ctx) {
    return new ClientInfo(ctx.ip(), ctx.userAgent());
  }

  private void registerUser(Context ctx) {
    RegisterRequest request = body.read(ctx, RegisterRequest.class);
    User user =
        registration.register(
            new RegisterUserCommand(
                request.email(), request.password(), request.name(), request.language()),
            client(ctx));
    envelope.write(ctx, HttpStatus.CREATED, AccountRoutes.userData(user));
  }

  private void verifyEmail(Context ctx) {
    registration.verifyEmail(body.read(ctx, TokenRequest.class).token(), client(ctx));
    envelope.ok(ctx, Map.of("emailVerified", true));
  }

  private void resendVerification(Context ctx) {
    String email = required(body.read(ctx, EmailRequest.class).email(), "email");
    registration.resendVerification(email, client(ctx));
    envelope.write(ctx, HttpStatus.ACCEPTED, Map.of("message", ACCEPTED));
  }

  private void logIn(Context ctx) {
    LoginRequest request = body.read(ctx, LoginRequest.class);
    LoginOutcome outcome =
        sessions.logIn(new LogInCommand(request.email(), request.password()), client(ctx));
    switch (outcome) {
      case Session session -> writeSession(ctx, session, Map.of());
      case MfaChallenge challenge ->
          envelope.ok(ctx, Map.of("mfaRequired", true, "mfaToken", challenge.mfaToken()));
    }
  }

  private void logInWithCode(Context ctx) {
    TwoFactorLoginRequest request = body.read(ctx, TwoFactorLoginRequest.class);
    new Violations()
        .text(request.mfaToken(), "mfaToken", true, 4096)
        .text(request.code(), "code", true, 64)
        .throwIfAny();
    writeSession(
        ctx, sessions.completeTwoFactor(request.mfaToken(), request.code(), client(ctx)), Map.of());
  }

  private void refresh(Context ctx) {
    try {
      writeSession(ctx, sessions.refresh(SessionCookie.read(ctx), client(ctx)), Map.of());
    } catch (RuntimeException e) {
      cookie.clear(ctx);
      throw e;
    }
  }

  private void logOut(Context ctx) {
    sessions.logOut(SessionCookie.read(ctx), client(ctx));
    cookie.clear(ctx);
    envelope.ok(ctx, Map.of("loggedOut", true));
  }

  private void logOutEverywhere(Context ctx) {
    sessions.logOutEverywhere(accounts.currentUser(ctx).id(), client(ctx));
    cookie.clear(ctx);
    envelope.ok(ctx, Map.of("loggedOut", true));
  }

  private void unlock(Context ctx) {
    sessions.unlock(body.read(ctx, TokenRequest.class).token(), client(ctx));
    envelope.ok(ctx, Map.of("unlocked", true));
  }

  private void forgotPassword(Context ctx) {
    String email = required(body.read(ctx, EmailRequest.class).email(), "email");
    passwords.forgot(email, client(ctx));
    envelope.write(ctx, HttpStatus.ACCEPTED, Map.of("message", ACCEPTED));
  }

  private void resetPassword(Context ctx) {
    ResetPasswordRequest request = body.read(ctx, ResetPasswordRequest.class);
    passwords.reset(request.token(), request.newPassword(), client(ctx));
    cookie.clear(ctx);
    envelope.ok(ctx, Map.of("passwordReset", true));
  }

  private void changePassword(Context ctx) {
    User user = accounts.currentUser(ctx);
    ChangePasswordRequest request = body.read(ctx, ChangePasswordRequest.class);
    Session session =
        passwords.change(
            user.id(),
            request.currentPassword(),
            request.newPassword(),
            SessionCookie.read(ctx),
            client(ctx));
    writeSession(ctx, session, Map.of());
  }

  private void setUpTwoFactor(Context ctx) {
    TwoFactorSetup setup = twoFactor.setup(accounts.currentUser(ctx).id());
    envelope.ok(
        ctx,
        Map.of(
            "secret", setup.secret(),
            "otpauthUri", setup.otpauthUri(),
            "qrCode", setup.qrCode()));
  }

  private void verifyTwoFactor(Context ctx) {
    User user = accounts.currentUser(ctx);
    String code = required(body.read(ctx, CodeRequest.class).code(), "code");
    TwoFactorActivation activation =
        twoFactor.verify(user.id(), code, SessionCookie.read(ctx), client(ctx));
    writeSession(ctx, activation.session(), Map.of("recoveryCodes", activation.recoveryCodes()));
  }

  private void disableTwoFactor(Context ctx) {
    User user = accounts.currentUser(ctx);
    DisableTwoFactorRequest request = body.read(ctx, DisableTwoFactorRequest.class);
    writeSession(
        ctx,
        twoFactor.disable(
            user.id(), request.password(), request.code(), SessionCookie.read(ctx), client(ctx)),
        Map.of());
  }

  /** Answers with the access token and user, and puts the refresh token in the cookie. */
  private void writeSession(Context ctx, Session session, Map<String, Object> extra) {
    cookie.set(ctx, session.refreshToken(), session.refreshExpiresAt());
    Map<String, Object> data = new LinkedHashMap<>(extra);
    data.put("accessToken", session.accessToken());
    data.put("user", AccountRoutes.UserResponse.from(session.user()));
    envelope.ok(ctx, data);
  }

  private static String required(String value, String field) {
    new Violations().text(value, field, true, 254).throwIfAny();
    return value;
  }
}
