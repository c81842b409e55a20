package com.minichat.domain.privacy;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides whether a run of digit groups, as written (e.g. {@code 081-234-5678} is the groups 3, 3
 * and 4), is a phone number, a payment card number or a Thai national ID.
 *
 * <p>The group sizes matter as much as the digits: requiring the usual way of writing each kind
 * keeps dates ({@code 06-12-2567}), prices, times and order numbers from being taken for personal
 * data.
 */
final class NumberRules {
  /** The most digits any kind has (a 19-digit card). */
  static final int MAX_DIGITS = 19;

  private static final Pattern THAI_MOBILE = Pattern.compile("0[689][0-9]{8}");
  private static final Pattern THAI_LANDLINE = Pattern.compile("0[2-7][0-9]{7}");

  /** A Thai number without its trunk 0, as written after +66. */
  private static final Pattern THAI_NATIONAL = Pattern.compile("[689][0-9]{8}|[2-7][0-9]{7}");

  private static final Set<String> MOBILE_SHAPES =
      Set.of("10", "3-3-4", "3-7", "2-4-4", "3-4-3", "4-3-3");
  private static final Set<String> LANDLINE_SHAPES = Set.of("9", "2-3-4", "2-7", "3-3-3", "3-6");
  private static final Set<String> THAI_ID_SHAPES = Set.of("13", "1-4-5-2-1");

  /** American Express (4-6-5) and Diners Club (4-6-4) groupings. */
  private static final Set<String> CARD_SHAPES = Set.of("4-6-5", "4-6-4");

  private NumberRules() {}

  /**
   * The kind of a run of digits written in groups of {@code sizes}, if any. {@code international}
   * tells that a {@code +} precedes the digits, which then can only be a phone number (unless a 0
   * follows the {@code +}, which is then ignored).
   *
   * <p>Thirteen ungrouped digits that pass both the Thai-ID and the Luhn check are a Thai ID:
   * 13-digit cards are practically no longer issued while Thai IDs are common here, and both are
   * redacted anyway, so only the label differs.
   */
  static Optional<PlaceholderKind> classify(String digits, int[] sizes, boolean international) {
    // a + before a 0 is decoration on a domestic number: no country code starts with 0
    if (international && digits.charAt(0) != '0') {
      return isInternationalPhone(digits) ? Optional.of(PlaceholderKind.PHONE) : Optional.empty();
    }
    String shape = shape(sizes);
    if (THAI_ID_SHAPES.contains(shape) && isThaiId(digits)) {
      return Optional.of(PlaceholderKind.THAI_ID);
    }
    if (digits.length() >= 13
        && digits.length() <= MAX_DIGITS
        && isCardShape(sizes, shape)
        && passesLuhn(digits)) {
      return Optional.of(PlaceholderKind.CARD);
    }
    boolean phone =
        THAI_MOBILE.matcher(digits).matches() && MOBILE_SHAPES.contains(shape)
            || THAI_LANDLINE.matcher(digits).matches() && LANDLINE_SHAPES.contains(shape);
    return phone ? Optional.of(PlaceholderKind.PHONE) : Optional.empty();
  }

  /**
   * The form under which a phone number is recognised again: {@code +66 81 234 5678} and {@code
   * 081-234-5678} are the same number.
   */
  static String phoneKey(String digits, boolean international) {
    if (!international || digits.charAt(0) == '0') {
      return digits;
    }
    return digits.startsWith("66") ? "0" + thaiNational(digits) : "+" + digits;
  }

  /** Whether the 13 digits carry a valid Thai national ID check digit. */
  static boolean isThaiId(String digits) {
    if (digits.length() != 13) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 12; i++) {
      sum += (digits.charAt(i) - '0') * (13 - i);
    }
    return (11 - sum % 11) % 10 == digits.charAt(12) - '0';
  }

  /** Whether the digits pass the Luhn check used by payment cards. */
  static boolean passesLuhn(String digits) {
    int sum = 0;
    for (int i = 0; i < digits.length(); i++) {
      int digit = digits.charAt(digits.length() - 1 - i) - '0';
      if (i % 2 == 1) {
        digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
      }
      sum += digit;
    }
    return sum % 10 == 0;
  }

  /**
   * After a {@code +}: a Thai number when the country code is 66 (so a digit group that follows is
   * not swallowed), otherwise any 8 to 15 digits (E.164) not starting with 0.
   */
  private static boolean isInternationalPhone(String digits) {
    if (digits.startsWith("66")) {
      return THAI_NATIONAL.matcher(thaiNational(digits)).matches();
    }
    return digits.length() >= 8 && digits.length() <= 15;
  }

  /** The digits after 66, without the trunk 0 that people often keep ({@code +66 081 ...}). */
  private static String thaiNational(String digits) {
    String national = digits.substring(2);
    return national.startsWith("0") ? national.substring(1) : national;
  }

  /** Ungrouped, in fours with a shorter last group, or a known card grouping. */
  private static boolean isCardShape(int[] sizes, String shape) {
    if (sizes.length == 1 || CARD_SHAPES.contains(shape)) {
      return true;
    }
    if (sizes.length < 3 || sizes[sizes.length - 1] > 4) {
      return false;
    }
    for (int i = 0; i < sizes.length - 1; i++) {
      if (sizes[i] != 4) {
        return false;
      }
    }
    return true;
  }

  private static String shape(int[] sizes) {
    StringBuilder shape = new StringBuilder();
    for (int size : sizes) {
      shape.append(shape.isEmpty() ? "" : "-").append(size);
    }
    return shape.toString();
  }
}
