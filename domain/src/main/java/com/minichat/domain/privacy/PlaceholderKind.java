package com.minichat.domain.privacy;

/** What a placeholder stands for; its name is the word inside the brackets. */
enum PlaceholderKind {
  /** An e-mail address. */
  EMAIL,
  /** A Thai or international telephone number. */
  PHONE,
  /** A payment card number that passes the Luhn check. */
  CARD,
  /** A Thai national ID number with a valid check digit. */
  THAI_ID,
  /**
   * Placeholder-like text the visitor typed that names a placeholder already handed out, hidden
   * behind a placeholder of its own so the model cannot confuse it with the real one.
   */
  TEXT
}
