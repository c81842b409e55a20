package com.minichat.application.port.in.account;

import com.minichat.domain.user.User;

/**
 * Creating accounts and proving e-mail ownership. Answers do not reveal whether an e-mail is
 * registered.
 */
public interface RegistrationUseCase {
  /**
   * Registers a user and sends the verification e-mail. For an e-mail that is already registered
   * nothing is stored and an unsaved look-alike user is returned, so the answer is the same.
   *
   * @throws com.minichat.domain.common.ValidationException listing every broken rule, including
   *     every password rule
   */
  User register(RegisterUserCommand command, ClientInfo client);

  /** Verifies the e-mail with the single-use token from the verification e-mail. */
  void verifyEmail(String token, ClientInfo client);

  /** Sends a new verification e-mail when the address belongs to an unverified account. */
  void resendVerification(String email, ClientInfo client);
}
