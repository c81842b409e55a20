package com.minichat.domain.conversation;

import com.minichat.domain.common.ValidationException;
import com.minichat.domain.common.Violations;
import com.minichat.domain.user.Email;
import java.util.regex.Pattern;

/**
 * What a visitor chose to tell about themselves; every part is optional.
 *
 * @param name how the team may address them
 * @param email where the team may answer them
 * @param phone a number the team may call, digits with an optional leading {@code +}
 */
public record VisitorProfile(String name, String email, String phone) {
  /** Longest name accepted. */
  public static final int MAX_NAME = 100;

  /** A visitor who said nothing about themselves. */
  public static final VisitorProfile ANONYMOUS = new VisitorProfile(null, null, null);

  private static final Pattern PHONE = Pattern.compile("^\\+?[0-9][0-9 ().-]{5,22}[0-9]$");

  public VisitorProfile {
    name = blankToNull(name);
    email = blankToNull(email);
    phone = blankToNull(phone);
  }

  /**
   * A profile from what a visitor typed, checked field by field.
   *
   * @throws com.minichat.domain.common.ValidationException naming every field that is wrong
   */
  public static VisitorProfile of(String name, String email, String phone) {
    Violations violations = new Violations();
    String givenName = blankToNull(name);
    String givenEmail = emailOrNull(blankToNull(email));
    String givenPhone = blankToNull(phone);
    violations.check(
        givenName == null || givenName.length() <= MAX_NAME,
        "name",
        "must be at most " + MAX_NAME + " characters");
    violations.check(
        email == null || email.isBlank() || givenEmail != null,
        "email",
        "must be an e-mail address like name@example.com");
    violations.check(
        givenPhone == null || PHONE.matcher(givenPhone).matches(),
        "phone",
        "must be a phone number: digits, spaces or dashes, optionally starting with +");
    violations.throwIfAny();
    return new VisitorProfile(givenName, givenEmail, givenPhone);
  }

  private static String emailOrNull(String text) {
    if (text == null) {
      return null;
    }
    try {
      return new Email(text).value();
    } catch (ValidationException e) {
      return null;
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
