package com.minichat.application.service.account;

import com.minichat.application.port.out.security.PasswordHasher;
import com.minichat.application.port.out.security.PasswordStrength;
import com.minichat.domain.common.Violations;
import com.minichat.domain.user.Passwords;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Checks a new password against every rule at once and reports each one that fails. */
public final class PasswordPolicy {
  private static final int MIN_PERSONAL_PART = 3;

  private final PasswordRules rules;
  private final PasswordStrength strength;
  private final PasswordHasher hasher;

  public PasswordPolicy(PasswordRules rules, PasswordStrength strength, PasswordHasher hasher) {
    this.rules = rules;
    this.strength = strength;
    this.hasher = hasher;
  }

  /**
   * Adds a violation on {@code field} for each rule {@code password} breaks.
   *
   * @param email the account's e-mail, which the password must not contain
   * @param name the account's name, which the password must not contain
   * @param usedHashes hashes of the current and earlier passwords, which may not be reused
   */
  public void check(
      String password,
      String field,
      String email,
      String name,
      List<String> usedHashes,
      Violations violations) {
    String normalised = Passwords.normalise(password);
    int length = normalised.codePointCount(0, normalised.length());
    violations
        .check(
            length >= rules.minLength(),
            field,
            "must be at least " + rules.minLength() + " characters")
        .check(
            length <= Passwords.MAX_LENGTH,
            field,
            "must be at most " + Passwords.MAX_LENGTH + " characters")
        .check(
            !rules.requireUpperCase() || normalised.codePoints().anyMatch(Character::isUpperCase),
            field,
            "must contain an upper-case letter")
        .check(
            !rules.requireDigit() || normalised.codePoints().anyMatch(Character::isDigit),
            field,
            "must contain a digit")
        .check(
            !rules.requireSymbol() || normalised.codePoints().anyMatch(PasswordPolicy::isSymbol),
            field,
            "must contain a symbol such as ! # or -")
        .check(!strength.isCommon(normalised), field, "is too common; choose another")
        .check(
            !containsPersonalData(normalised, email, name),
            field,
            "must not contain your e-mail address or name");
    if (length <= Passwords.MAX_LENGTH) {
      violations.check(
          strength.score(normalised, personalWords(email, name)) >= rules.minScore(),
          field,
          "is too easy to guess; make it longer or less predictable");
      violations.check(
          usedHashes.stream().noneMatch(hash -> hasher.matches(normalised, hash)),
          field,
          "must not be your current password or one of your recent ones");
    }
  }

  /** Punctuation and symbols; Thai vowel and tone marks and spaces do not count. */
  private static boolean isSymbol(int codePoint) {
    int type = Character.getType(codePoint);
    return !Character.isLetterOrDigit(codePoint)
        && !Character.isWhitespace(codePoint)
        && type != Character.NON_SPACING_MARK
        && type != Character.COMBINING_SPACING_MARK
        && type != Character.ENCLOSING_MARK;
  }

  private static boolean containsPersonalData(String password, String email, String name) {
    String lower = password.toLowerCase(Locale.ROOT);
    return personalWords(email, name).stream()
        .filter(word -> word.length() >= MIN_PERSONAL_PART)
        .anyMatch(lower::contains);
  }

  private static List<String> personalWords(String email, String name) {
    List<String> words = new ArrayList<>();
    if (email != null) {
      String lower = email.toLowerCase(Locale.ROOT);
      words.add(lower);
      int at = lower.indexOf('@');
      if (at > 0) {
        words.add(lower.substring(0, at));
      }
    }
    if (name != null) {
      for (String part : name.toLowerCase(Locale.ROOT).split("\\s+")) {
        if (!part.isBlank()) {
          words.add(part);
        }
      }
    }
    return words;
  }
}
