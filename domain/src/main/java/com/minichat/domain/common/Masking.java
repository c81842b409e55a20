package com.minichat.domain.common;

/** Display forms of secrets that let people recognise them without revealing them. */
public final class Masking {
  private Masking() {}

  /** The secret's first three and last four characters, e.g. {@code sk-…abcd}. */
  public static String mask(String secret) {
    String key = secret.strip();
    if (key.length() <= 8) {
      return "…" + key.substring(Math.max(0, key.length() - 2));
    }
    return key.substring(0, 3) + "…" + key.substring(key.length() - 4);
  }
}
