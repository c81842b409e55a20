package com.minichat.application.port.in.account;

/** Signs a user in with e-mail and password. */
public interface LogInUseCase {
  /**
   * Checks the credentials and issues an access token.
   *
   * @throws com.minichat.domain.common.AuthenticationException for an unknown e-mail or a wrong
   *     password, with the same message for both
   */
  LoginResult logIn(LogInCommand command);
}
