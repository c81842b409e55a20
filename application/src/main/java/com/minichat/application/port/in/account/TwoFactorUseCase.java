package com.minichat.application.port.in.account;

import com.minichat.domain.user.UserId;

/** Turning time-based one-time passwords on and off. */
public interface TwoFactorUseCase {
  /** Starts setup with a new secret; 2FA is not on until {@link #verify} succeeds. */
  TwoFactorSetup setup(UserId userId);

  /** Turns 2FA on with a first code from the app; other sessions end. */
  TwoFactorActivation verify(
      UserId userId, String code, String currentRefreshToken, ClientInfo client);

  /** Turns 2FA off; needs the password and a code; other sessions end. */
  Session disable(
      UserId userId, String password, String code, String currentRefreshToken, ClientInfo client);
}
