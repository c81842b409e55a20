package com.minichat.domain.user;

import java.text.Normalizer;

/** How typed passwords are prepared before they are checked or hashed. */
public final class Passwords {
  /** Longest accepted password, in characters; longer ones are refused, never truncated. */
  public static final int MAX_LENGTH = 128;

  private Passwords() {}

  /**
   * The NFKC form, so that the same password typed on different keyboards (composed or decomposed
   * Thai vowels, full-width digits) is the same password.
   */
  public static String normalise(String password) {
    return Normalizer.normalize(password, Normalizer.Form.NFKC);
  }
}
