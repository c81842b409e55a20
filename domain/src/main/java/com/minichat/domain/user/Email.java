package com.minichat.domain.user;

import com.minichat.domain.common.ValidationException;
import java.util.Locale;
import java.util.regex.Pattern;

/** A syntactically valid, lower-cased e-mail address (the login name of a user). */
public record Email(String value) {
  /** Longest address RFC 5321 allows in a mailbox path. */
  public static final int MAX_LENGTH = 254;

  private static final Pattern SHAPE =
      Pattern.compile(
          "^[^\\s@\"<>()\\[\\],;:]+@[^\\s@\"<>()\\[\\],;:]+\\.[^\\s@\"<>()\\[\\],;:]+$");

  public Email {
    if (value == null || value.isBlank()) {
      throw new ValidationException("email", "is required");
    }
    value = value.strip().toLowerCase(Locale.ROOT);
    if (value.length() > MAX_LENGTH) {
      throw new ValidationException("email", "must be at most " + MAX_LENGTH + " characters");
    }
    if (!SHAPE.matcher(value).matches()) {
      throw new ValidationException("email", "must be an e-mail address like name@example.com");
    }
  }
}
