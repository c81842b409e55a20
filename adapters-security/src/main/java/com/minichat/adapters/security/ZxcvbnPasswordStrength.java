package com.minichat.adapters.security;

import com.minichat.application.port.out.security.PasswordStrength;
import com.nulabinc.zxcvbn.StandardDictionaries;
import com.nulabinc.zxcvbn.Zxcvbn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@link PasswordStrength} on zxcvbn4j, the Java port of Dropbox's zxcvbn that the dashboard's
 * meter also runs, so that server and browser agree on the score.
 *
 * <p><b>Common passwords.</b> The list is the ranked {@code passwords} frequency list that ships
 * inside the zxcvbn jar (30,000 entries, most common first, lower case — the same list the
 * JavaScript zxcvbn uses), read through the library's own {@link
 * StandardDictionaries#PASSWORDS_LOADER}. Nothing is committed to this repository or downloaded at
 * run time; the list comes with the pinned dependency. It is loaded once per JVM, the first time
 * this class is instantiated, and start-up fails if it has fewer than {@value
 * #MIN_COMMON_PASSWORDS} entries (a guard against a dependency upgrade that drops it). Lookups are
 * case-insensitive.
 *
 * <p><b>User inputs.</b> zxcvbn only matches a user input as a whole word, so an e-mail address
 * alone would not penalise a password equal to its local part. Each input is therefore expanded
 * into itself, the parts around an {@code @} and the runs of letters (with their marks) and digits
 * of at least three characters (for {@code "Ann.Lee@example.com"}: {@code ann.lee@example.com,
 * ann.lee, example.com, ann, lee, example, com}). The dashboard meter should expand its inputs the
 * same way to show the same score.
 *
 * <p>Thread-safe; create one and share it.
 */
public final class ZxcvbnPasswordStrength implements PasswordStrength {
  /** The fewest common passwords accepted from the bundled list. */
  public static final int MIN_COMMON_PASSWORDS = 10_000;

  static final int MIN_USER_TOKEN_LENGTH = 3;

  /** Anything but letters, digits and combining marks (Thai vowel and tone signs are marks). */
  private static final Pattern NON_ALPHANUMERIC = Pattern.compile("[^\\p{L}\\p{M}\\p{N}]+");

  /** Creates the judge, loading the common-password list and zxcvbn's dictionaries if needed. */
  public ZxcvbnPasswordStrength() {
    Objects.requireNonNull(Loaded.ZXCVBN);
  }

  @Override
  public boolean isCommon(String password) {
    Objects.requireNonNull(password, "password");
    return Loaded.COMMON.contains(password.toLowerCase(Locale.ROOT));
  }

  @Override
  public int score(String password, List<String> userInputs) {
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(userInputs, "userInputs");
    return Loaded.ZXCVBN.measure(password, expand(userInputs)).getScore();
  }

  /** The common passwords, lower case (shared by all instances). */
  Set<String> commonPasswords() {
    return Loaded.COMMON;
  }

  /** Each input, lower-cased, with its e-mail parts and its alphanumeric runs. */
  static List<String> expand(List<String> userInputs) {
    Set<String> expanded = new LinkedHashSet<>();
    for (String input : userInputs) {
      if (input == null || input.isBlank()) {
        continue;
      }
      String lower = input.strip().toLowerCase(Locale.ROOT);
      expanded.add(lower);
      for (String part : lower.split("@")) {
        if (!part.isEmpty()) {
          expanded.add(part);
        }
      }
      for (String token : NON_ALPHANUMERIC.split(lower)) {
        if (token.length() >= MIN_USER_TOKEN_LENGTH) {
          expanded.add(token);
        }
      }
    }
    return new ArrayList<>(expanded);
  }

  /** Loaded on first use, once per JVM (initialization-on-demand holder). */
  private static final class Loaded {
    static final Set<String> COMMON = loadCommonPasswords();
    static final Zxcvbn ZXCVBN = new Zxcvbn();

    private static Set<String> loadCommonPasswords() {
      List<String> ranked;
      try {
        ranked = StandardDictionaries.PASSWORDS_LOADER.load().getFrequencies();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read zxcvbn's common-password list", e);
      }
      Set<String> common = new HashSet<>(ranked.size() * 2);
      for (String password : ranked) {
        common.add(password.toLowerCase(Locale.ROOT));
      }
      if (common.size() < MIN_COMMON_PASSWORDS) {
        throw new IllegalStateException(
            "zxcvbn's common-password list has only " + common.size() + " entries");
      }
      return Set.copyOf(common);
    }
  }
}
