package com.minichat.application.service.account;

import com.minichat.application.port.in.account.AuthenticateUserUseCase;
import com.minichat.application.port.in.account.ClientInfo;
import com.minichat.application.port.in.account.LogInCommand;
import com.minichat.application.port.in.account.LoginOutcome;
import com.minichat.application.port.in.account.MfaChallenge;
import com.minichat.application.port.in.account.Session;
import com.minichat.application.port.in.account.SessionUseCase;
import com.minichat.application.port.out.email.AccountMailer;
import com.minichat.application.port.out.ratelimit.RateLimiter;
import com.minichat.application.port.out.security.AccessClaims;
import com.minichat.application.port.out.security.PasswordHasher;
import com.minichat.application.port.out.security.TokenService;
import com.minichat.application.port.out.session.RefreshTokenRepository;
import com.minichat.application.port.out.user.UserRepository;
import com.minichat.application.service.RateLimits;
import com.minichat.domain.audit.AuditEventType;
import com.minichat.domain.common.AuthenticationException;
import com.minichat.domain.common.Identifiers;
import com.minichat.domain.session.RefreshToken;
import com.minichat.domain.user.Email;
import com.minichat.domain.user.Passwords;
import com.minichat.domain.user.TokenPurpose;
import com.minichat.domain.user.TwoFactor;
import com.minichat.domain.user.User;
import com.minichat.domain.user.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Sign-in (with lockout and 2FA), session refresh with reuse detection, and sign-out. */
public final class SessionService implements SessionUseCase, AuthenticateUserUseCase {
  /** The one answer to every failed sign-in, so that it reveals nothing about the account. */
  static final String BAD_CREDENTIALS = "E-mail or password is wrong";

  private static final String SIGN_IN_AGAIN = "The session has ended; sign in again";

  private final UserRepository users;
  private final RefreshTokenRepository refreshTokens;
  private final PasswordHasher hasher;
  private final TokenService tokens;
  private final SessionIssuer sessions;
  private final TwoFactorCodes codes;
  private final OneTimeTokens oneTimeTokens;
  private final AccountMailer mailer;
  private final RateLimiter rateLimiter;
  private final Auditor auditor;
  private final AuthSettings settings;
  private final Clock clock;
  private volatile String decoyHash;

  public SessionService(
      UserRepository users,
      RefreshTokenRepository refreshTokens,
      PasswordHasher hasher,
      TokenService tokens,
      SessionIssuer sessions,
      TwoFactorCodes codes,
      OneTimeTokens oneTimeTokens,
      AccountMailer mailer,
      RateLimiter rateLimiter,
      Auditor auditor,
      AuthSettings settings,
      Clock clock) {
    this.users = users;
    this.refreshTokens = refreshTokens;
    this.hasher = hasher;
    this.tokens = tokens;
    this.sessions = sessions;
    this.codes = codes;
    this.oneTimeTokens = oneTimeTokens;
    this.mailer = mailer;
    this.rateLimiter = rateLimiter;
    this.auditor = auditor;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public LoginOutcome logIn(LogInCommand command, ClientInfo client) {
    RateLimits.enforce(
        rateLimiter, settings.login(), client.ip(), "Too many sign-in attempts; try again later");
    String password = Passwords.normalise(command.password());
    Optional<User> found = users.findByEmail(new Email(command.email()));
    // Unknown e-mails and locked accounts cost the same hash check, so timing reveals nothing.
    boolean matches =
        hasher.matches(password, found.map(User::passwordHash).orElseGet(this::decoy));
    Instant now = clock.instant();
    if (found.isEmpty()) {
      auditor.record(AuditEventType.LOGIN_FAILED, null, client, "unknown e-mail");
      throw new AuthenticationException(BAD_CREDENTIALS);
    }
    User user = found.get();
    if (user.isLocked(now)) {
      auditor.record(AuditEventType.LOGIN_FAILED, user.id(), client, "account locked");
      throw new AuthenticationException(BAD_CREDENTIALS);
    }
    if (!matches) {
      recordFailure(user, client, "wrong password");
      throw new AuthenticationException(BAD_CREDENTIALS);
    }
    User checked =
        hasher.needsRehash(user.passwordHash()) ? user.rehashed(hasher.hash(password), now) : user;
    if (checked.twoFactor().enabled()) {
      // Failures are forgiven only after the second factor, or re-entering the password would
      // reset the count of wrong codes forever.
      if (checked != user) {
        users.update(checked);
      }
      return new MfaChallenge(tokens.issueMfaToken(checked.id()));
    }
    User signedIn = users.update(checked.afterSuccessfulLogin(now));
    auditor.record(AuditEventType.LOGIN_SUCCEEDED, signedIn.id(), client, "password");
    return sessions.start(signedIn);
  }

  @Override
  public Session completeTwoFactor(String mfaToken, String code, ClientInfo client) {
    RateLimits.enforce(
        rateLimiter, settings.login(), client.ip(), "Too many sign-in attempts; try again later");
    UserId userId = tokens.verifyMfaToken(mfaToken == null ? "" : mfaToken);
    Instant now = clock.instant();
    User user =
        users
            .findById(userId)
            .filter(found -> !found.isLocked(now))
            .orElseThrow(() -> new AuthenticationException(BAD_CREDENTIALS));
    Optional<TwoFactor> accepted = codes.accept(user, code);
    if (accepted.isEmpty()) {
      auditor.record(AuditEventType.TWO_FACTOR_FAILED, user.id(), client, "sign-in");
      recordFailure(user, client, "wrong 2FA code");
      throw new AuthenticationException("The code is wrong or was already used");
    }
    boolean recoveryCode =
        accepted.get().recoveryCodeHashes().size() < user.twoFactor().recoveryCodeHashes().size();
    User signedIn =
        users.update(user.withTwoFactor(accepted.get(), false, now).afterSuccessfulLogin(now));
    if (recoveryCode) {
      auditor.record(
          AuditEventType.RECOVERY_CODE_USED,
          user.id(),
          client,
          accepted.get().recoveryCodeHashes().size() + " recovery codes left");
    }
    auditor.record(AuditEventType.LOGIN_SUCCEEDED, user.id(), client, "password and 2FA");
    return sessions.start(signedIn);
  }

  @Override
  public Session refresh(String refreshToken, ClientInfo client) {
    RefreshToken current =
        sessions.find(refreshToken).orElseThrow(() -> new AuthenticationException(SIGN_IN_AGAIN));
    Instant now = clock.instant();
    if (current.revokedAt() != null || !now.isBefore(current.expiresAt())) {
      throw new AuthenticationException(SIGN_IN_AGAIN);
    }
    if (current.usedAt() != null || !refreshTokens.markUsed(current.id(), now)) {
      // A used token came back: someone holds a copy. End the whole session for everyone.
      refreshTokens.revokeFamily(current.familyId(), now);
      auditor.record(
          AuditEventType.REFRESH_TOKEN_REUSED, current.userId(), client, "session revoked");
      throw new AuthenticationException(SIGN_IN_AGAIN);
    }
    User user =
        users
            .findById(current.userId())
            .orElseThrow(() -> new AuthenticationException(SIGN_IN_AGAIN));
    return sessions.issue(user, current.familyId());
  }

  @Override
  public void logOut(String refreshToken, ClientInfo client) {
    sessions
        .find(refreshToken)
        .ifPresent(
            token -> {
              refreshTokens.revokeFamily(token.familyId(), clock.instant());
              auditor.record(AuditEventType.LOGGED_OUT, token.userId(), client, "");
            });
  }

  @Override
  public void logOutEverywhere(UserId userId, ClientInfo client) {
    Instant now = clock.instant();
    users.findById(userId).ifPresent(user -> users.update(user.withSessionsEnded(now)));
    refreshTokens.revokeAllOfUser(userId, null, now);
    auditor.record(AuditEventType.LOGGED_OUT_EVERYWHERE, userId, client, "");
  }

  @Override
  public void unlock(String token, ClientInfo client) {
    UserId userId = oneTimeTokens.redeem(token, TokenPurpose.UNLOCK_ACCOUNT);
    Instant now = clock.instant();
    users.findById(userId).ifPresent(user -> users.update(user.unlocked(now)));
    auditor.record(AuditEventType.ACCOUNT_UNLOCKED, userId, client, "unlock link");
  }

  @Override
  public User authenticate(String accessToken) {
    AccessClaims claims = tokens.verifyAccessToken(accessToken);
    return users
        .findById(claims.userId())
        .filter(user -> user.sessionVersion() == claims.sessionVersion())
        .orElseThrow(() -> new AuthenticationException(SIGN_IN_AGAIN));
  }

  private void recordFailure(User user, ClientInfo client, String reason) {
    Instant now = clock.instant();
    User failed =
        users.update(
            user.afterFailedLogin(settings.maxFailedLogins(), settings.lockDuration(), now));
    auditor.record(AuditEventType.LOGIN_FAILED, user.id(), client, reason);
    if (failed.isLocked(now)) {
      auditor.record(
          AuditEventType.ACCOUNT_LOCKED, user.id(), client, "until " + failed.lockedUntil());
      mailer.sendAccountLocked(
          failed,
          oneTimeTokens.link(user.id(), TokenPurpose.UNLOCK_ACCOUNT, "/unlock"),
          failed.lockedUntil());
    }
  }

  private String decoy() {
    String hash = decoyHash;
    if (hash == null) {
      hash = hasher.hash(Identifiers.random(16));
      decoyHash = hash;
    }
    return hash;
  }
}
