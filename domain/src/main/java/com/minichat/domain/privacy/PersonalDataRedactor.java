package com.minichat.domain.privacy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces personal data in text bound for an AI provider with placeholders such as {@code
 * [EMAIL_1]}, {@code [PHONE_1]}, {@code [CARD_1]} and {@code [THAI_ID_1]}; the {@link
 * PlaceholderVault} passed in remembers the originals so the answer can be restored.
 *
 * <p>Detected:
 *
 * <ul>
 *   <li>e-mail addresses with an ASCII local part and domain (a pragmatic subset of RFC 5322), also
 *       when Thai text touches them ({@code ติดต่อsomchai@example.co.thค่ะ});
 *   <li>Thai phone numbers written the usual ways (mobile {@code 081-234-5678}, {@code 0812345678},
 *       {@code 08-1234-5678}; landline {@code 02-123-4567}, {@code 053-123-456}), Thai numbers
 *       after {@code +66} in any grouping, and other numbers after {@code +} with 8 to 15 digits.
 *       Without the {@code +}, {@code 66812345678} is not a phone number;
 *   <li>payment card numbers of 13 to 19 digits, ungrouped or in the usual groupings, that pass the
 *       Luhn check;
 *   <li>Thai national IDs, 13 digits ungrouped or as {@code 1-2345-67890-12-1}, with a valid check
 *       digit.
 * </ul>
 *
 * <p>Digits may be separated by single spaces or dashes, a group may stand in parentheses ({@code
 * (02) 123 4567}, {@code +1 (415) 555-2671}), and Thai digits count as digits. A run of digits
 * glued to Latin letters (product codes) or continuing a decimal, date or time ({@code 3.14},
 * {@code 1,500}, {@code 15/01}, {@code 10:30}) loses the glued group. A run is split between its
 * groups into the longest recognised pieces, so {@code 081 234 5678 02 123 4567} is two phone
 * numbers.
 *
 * <p>The same value gets the same placeholder everywhere it is redacted with the same vault, also
 * written differently: e-mail addresses regardless of case, phone numbers regardless of grouping
 * and of {@code +66} versus {@code 0}. The placeholder brings back the value as first written.
 *
 * <p>Stateless and thread-safe; all patterns match in linear time.
 */
public final class PersonalDataRedactor {
  /**
   * Characters of an e-mail local part: the ones addresses actually use, not all of RFC 5322's
   * atext, whose {@code / = ? &} would pull the rest of a URL into an address.
   */
  private static final String ATEXT = "A-Za-z0-9_%+-";

  /**
   * A local part and the domain's labels. It starts only where a local part can start, so a failed
   * attempt is not retried from every character inside it, and every quantifier is possessive:
   * Java's regex engine recurses for each repetition of a group that may give back, which overflows
   * the stack on long input. The top-level domain is therefore picked out afterwards.
   */
  private static final Pattern EMAIL =
      Pattern.compile(
          "(?<!["
              + ATEXT
              + "])(?<!["
              + ATEXT
              + "]\\.)["
              + ATEXT
              + "]++(?:\\.["
              + ATEXT
              + "]++)*+@[A-Za-z0-9][A-Za-z0-9-]*+(?:\\.[A-Za-z0-9][A-Za-z0-9-]*+)*+");

  private static final String DIGIT = "[0-9\\u0E50-\\u0E59]";

  private static final String SEPARATOR = "[ \\u00A0-]";

  /**
   * Digit groups joined by a single space or dash, or with a group in parentheses ({@code +1 (415)
   * 555-2671}), optionally after a {@code +}.
   */
  private static final Pattern NUMBER_RUN =
      Pattern.compile(
          "\\+?\\(?"
              + DIGIT
              + "++(?:(?:"
              + SEPARATOR
              + "?\\(|\\)"
              + SEPARATOR
              + "?|"
              + SEPARATOR
              + ")"
              + DIGIT
              + "++)*+");

  /** Punctuation that continues a number when a digit stands on its other side. */
  private static final String NUMBER_PUNCTUATION = ".,:/";

  /** A redactor; it holds no state, so one instance can serve every conversation. */
  public PersonalDataRedactor() {}

  /**
   * {@code text} with its personal data replaced by placeholders from {@code vault}. Returns {@code
   * text} itself when it holds nothing to replace.
   *
   * <p>To redact a conversation's history and its new question, prefer {@link #redactAll}, which
   * reserves every placeholder-like text the visitor typed in any of them before handing out
   * numbers.
   */
  public String redact(String text, PlaceholderVault vault) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(vault, "vault");
    if (text.isEmpty()) {
      return text;
    }
    List<Finding> findings = new ArrayList<>();
    List<PlaceholderSyntax.Occurrence> typed = PlaceholderSyntax.find(text);
    // reserve before handing out numbers, so a new placeholder never equals one the visitor typed
    typed.forEach(occurrence -> vault.reserve(occurrence.placeholder()));
    findEmails(text, findings);
    for (PlaceholderSyntax.Occurrence occurrence : typed) {
      if (vault.handedOut(occurrence.placeholder())
          && !overlaps(findings, occurrence.start(), occurrence.end())) {
        String literal = text.substring(occurrence.start(), occurrence.end());
        findings.add(
            new Finding(occurrence.start(), occurrence.end(), PlaceholderKind.TEXT, literal));
      }
    }
    findNumbers(text, findings);
    if (findings.isEmpty()) {
      return text;
    }
    findings.sort(Comparator.comparingInt(Finding::start));
    StringBuilder redacted = new StringBuilder(text.length());
    int position = 0;
    for (Finding finding : findings) {
      String original = text.substring(finding.start(), finding.end());
      redacted.append(text, position, finding.start());
      redacted.append(vault.placeholderFor(finding.kind(), finding.key(), original).text());
      position = finding.end();
    }
    return redacted.append(text, position, text.length()).toString();
  }

  /**
   * Each of {@code texts} redacted with {@code vault}, in order, after reserving the
   * placeholder-like text typed in any of them, so a placeholder typed in a later text never
   * collides with one handed out for an earlier text.
   */
  public List<String> redactAll(List<String> texts, PlaceholderVault vault) {
    Objects.requireNonNull(vault, "vault");
    for (String text : texts) {
      PlaceholderSyntax.find(Objects.requireNonNull(text, "text"))
          .forEach(occurrence -> vault.reserve(occurrence.placeholder()));
    }
    List<String> redacted = new ArrayList<>(texts.size());
    for (String text : texts) {
      redacted.add(redact(text, vault));
    }
    return List.copyOf(redacted);
  }

  private static void findEmails(String text, List<Finding> findings) {
    Matcher match = EMAIL.matcher(text);
    while (match.find()) {
      int end = topLevelDomainEnd(text, text.indexOf('@', match.start()), match.end());
      if (end > 0) {
        // local parts are case-sensitive in theory but not in practice
        String key = text.substring(match.start(), end).toLowerCase(Locale.ROOT);
        findings.add(new Finding(match.start(), end, PlaceholderKind.EMAIL, key));
      }
    }
  }

  /**
   * Where the address ends: after the last label, other than the first, that starts with at least
   * two letters, which are its top-level domain ({@code example.com1} ends after {@code com}), or
   * -1 when there is no such label.
   */
  private static int topLevelDomainEnd(String text, int at, int end) {
    for (int dot = text.lastIndexOf('.', end - 1); dot > at; dot = text.lastIndexOf('.', dot - 1)) {
      int letters = dot + 1;
      while (letters < end && isAsciiLetter(text.charAt(letters))) {
        letters++;
      }
      if (letters - dot - 1 >= 2) {
        return letters;
      }
    }
    return -1;
  }

  private static void findNumbers(String text, List<Finding> findings) {
    List<Finding> taken = List.copyOf(findings);
    Matcher match = NUMBER_RUN.matcher(text);
    while (match.find()) {
      if (!overlaps(taken, match.start(), match.end())) {
        splitRun(text, match.start(), match.end(), findings);
      }
    }
  }

  /** Finds the longest recognised pieces in a run of digit groups, from left to right. */
  private static void splitRun(String text, int start, int end, List<Finding> findings) {
    List<int[]> groups = groups(text, start, end);
    boolean plus = text.charAt(start) == '+';
    // a number found from the first group takes the + and an opening parenthesis with it, but not
    // a parenthesis that stays open
    int[] head = groups.get(0);
    boolean closed = head[1] < end && text.charAt(head[1]) == ')';
    int headStart = plus || closed ? start : head[0];
    int first = gluedBefore(text, start) ? 1 : 0;
    int last = gluedAfter(text, end) ? groups.size() - 2 : groups.size() - 1;
    int from = first;
    while (from <= last) {
      int to = from - 1;
      int digits = 0;
      while (to < last && digits + length(groups.get(to + 1)) <= NumberRules.MAX_DIGITS) {
        to++;
        digits += length(groups.get(to));
      }
      Optional<Finding> finding = Optional.empty();
      while (to >= from
          && (finding = classify(text, groups, from, to, plus && from == 0, headStart)).isEmpty()) {
        to--;
      }
      if (finding.isPresent()) {
        findings.add(finding.get());
        from = to + 1;
      } else {
        from++;
      }
    }
  }

  private static Optional<Finding> classify(
      String text, List<int[]> groups, int from, int to, boolean plus, int headStart) {
    StringBuilder digits = new StringBuilder();
    int[] sizes = new int[to - from + 1];
    for (int i = from; i <= to; i++) {
      int[] group = groups.get(i);
      for (int index = group[0]; index < group[1]; index++) {
        digits.append(Character.forDigit(Character.digit(text.charAt(index), 10), 10));
      }
      sizes[i - from] = length(group);
    }
    String value = digits.toString();
    int findingStart = from == 0 ? headStart : groups.get(from)[0];
    int findingEnd = groups.get(to)[1];
    return NumberRules.classify(value, sizes, plus)
        .map(
            kind ->
                new Finding(
                    findingStart,
                    findingEnd,
                    kind,
                    kind == PlaceholderKind.PHONE ? NumberRules.phoneKey(value, plus) : value));
  }

  /** Start and end of each digit group in the run. */
  private static List<int[]> groups(String text, int start, int end) {
    List<int[]> groups = new ArrayList<>();
    int index = start;
    while (index < end) {
      while (!Character.isDigit(text.charAt(index))) {
        index++;
      }
      int groupStart = index;
      while (index < end && Character.isDigit(text.charAt(index))) {
        index++;
      }
      groups.add(new int[] {groupStart, index});
    }
    return groups;
  }

  private static int length(int[] group) {
    return group[1] - group[0];
  }

  private static boolean gluedBefore(String text, int start) {
    if (start == 0) {
      return false;
    }
    char previous = text.charAt(start - 1);
    return isAsciiWordCharacter(previous)
        || NUMBER_PUNCTUATION.indexOf(previous) >= 0
            && start >= 2
            && Character.isDigit(text.charAt(start - 2));
  }

  private static boolean gluedAfter(String text, int end) {
    if (end == text.length()) {
      return false;
    }
    char next = text.charAt(end);
    return isAsciiWordCharacter(next)
        || NUMBER_PUNCTUATION.indexOf(next) >= 0
            && end + 1 < text.length()
            && Character.isDigit(text.charAt(end + 1));
  }

  private static boolean isAsciiLetter(char character) {
    return character >= 'a' && character <= 'z' || character >= 'A' && character <= 'Z';
  }

  private static boolean isAsciiWordCharacter(char character) {
    return character < 128 && (Character.isLetterOrDigit(character) || character == '_');
  }

  private static boolean overlaps(List<Finding> findings, int start, int end) {
    for (Finding finding : findings) {
      if (finding.start() < end && start < finding.end()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Personal data found at {@code [start, end)}, recognised again by its normalised {@code key}.
   */
  private record Finding(int start, int end, PlaceholderKind kind, String key) {}
}
