package com.minichat.application.port.in.account;

import com.minichat.domain.user.UserId;

/**
 * Signing in and out. Every failure of credentials answers alike (no account enumeration), and
 * every outcome is written to the audit log.
 */
public interface SessionUseCase {
  /**
   * Checks e-mail and password.
   *
   * @throws com.minichat.domain.common.AuthenticationException for wrong credentials, an unknown
   *     e-mail or a locked account, with the same message
   * @throws com.minichat.domain.common.RateLimitedException after too many attempts from the IP
   */
  LoginOutcome logIn(LogInCommand command, ClientInfo client);

  /** Completes a sign-in with a TOTP code or a recovery code. */
  Session completeTwoFactor(String mfaToken, String code, ClientInfo client);

  /**
   * Exchanges a refresh token for a new session of the same family; a token that was already used
   * revokes the whole family.
   */
  Session refresh(String refreshToken, ClientInfo client);

  /** Ends the session of {@code refreshToken} (a missing or unknown token is fine). */
  void logOut(String refreshToken, ClientInfo client);

  /** Ends every session of the user, access tokens included. */
  void logOutEverywhere(UserId userId, ClientInfo client);

  /** Lifts a lock with the token from the lock e-mail. */
  void unlock(String token, ClientInfo client);
}
