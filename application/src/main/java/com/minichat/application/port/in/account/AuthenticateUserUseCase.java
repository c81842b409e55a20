package com.minichat.application.port.in.account;

import com.minichat.domain.user.User;

/** Resolves the user behind an access token. */
public interface AuthenticateUserUseCase {
  /**
   * The user the token was issued to.
   *
   * @throws com.minichat.domain.common.AuthenticationException when the token is invalid or its
   *     user no longer exists
   */
  User authenticate(String accessToken);
}
