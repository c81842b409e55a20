package com.minichat.application.port.out.security;

import java.util.List;

/** Judges how guessable a password is. */
public interface PasswordStrength {
  /** Whether the password is on the list of common or breached passwords (case-insensitive). */
  boolean isCommon(String password);

  /**
   * A score from 0 (guessed at once) to 4 (very hard), zxcvbn-compatible so that the dashboard
   * meter agrees.
   *
   * @param userInputs words that make a password weaker for this user (e-mail, name)
   */
  int score(String password, List<String> userInputs);
}
