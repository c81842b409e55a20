package com.minichat.application.port.in.account;

import com.minichat.domain.user.User;

/** Creates a dashboard account. */
public interface RegisterUserUseCase {
  /**
   * Registers a new user.
   *
   * @throws com.minichat.domain.common.ConflictException when the e-mail is already registered
   */
  User register(RegisterUserCommand command);
}
