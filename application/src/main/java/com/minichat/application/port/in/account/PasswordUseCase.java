package com.minichat.application.port.in.account;

import com.minichat.domain.user.UserId;

/** Forgotten, reset and changed passwords. */
public interface PasswordUseCase {
  /** Sends a reset link when the e-mail is registered; answers alike when it is not. */
  void forgot(String email, ClientInfo client);

  /** Sets a new password with the single-use token from the reset e-mail; ends every session. */
  void reset(String token, String newPassword, ClientInfo client);

  /**
   * Changes the password of a signed-in user; every other session ends and the current one gets
   * fresh tokens.
   *
   * @param currentRefreshToken the caller's refresh token, whose session continues (may be null)
   */
  Session change(
      UserId userId,
      String currentPassword,
      String newPassword,
      String currentRefreshToken,
      ClientInfo client);
}
