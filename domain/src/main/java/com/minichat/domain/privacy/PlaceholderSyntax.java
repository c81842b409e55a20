package com.minichat.domain.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises placeholders in the canonical spelling and in the slightly mangled spellings a model
 * produces, as listed on {@link PlaceholderVault}.
 */
final class PlaceholderSyntax {
  /**
   * Upper bound on the characters a match attempt reads from its start (the longest spelling is
   * about 25 characters), so an unfinished placeholder can only begin this close to the end.
   */
  static final int MAX_LENGTH = 32;

  private static final String KINDS = "EMAIL|PHONE|CARD|THAI_ID|TEXT";
  private static final String LOOSE_SEPARATOR = "(?:[ _-]|\\\\_)?";

  /** Numbers are capped at nine digits so they always fit an {@code int}. */
  private static final String NUMBER = "[1-9][0-9]{0,8}+(?![0-9])";

  /**
   * Two spellings: inside both brackets, forgiving about case, separator and padding; with a
   * bracket missing, only the exact upper-case form, standing apart from Latin word characters.
   */
  static final Pattern PATTERN =
      Pattern.compile(
          "\\\\?\\[ ?(?<looseKind>(?i:EMAIL|PHONE|CARD|THAI"
              + LOOSE_SEPARATOR
              + "ID|TEXT))"
              + LOOSE_SEPARATOR
              + "(?<looseNumber>"
              + NUMBER
              + ") ?\\\\?\\]"
              + "|(?<![A-Za-z0-9_])\\[?(?<strictKind>"
              + KINDS
              + ")_(?<strictNumber>"
              + NUMBER
              + ")\\]?(?![A-Za-z0-9_])");

  private PlaceholderSyntax() {}

  /** The placeholder named by the current match of {@link #PATTERN}. */
  static Placeholder placeholder(Matcher match) {
    String kind = match.group("looseKind");
    String number = match.group("looseNumber");
    if (kind == null) {
      kind = match.group("strictKind");
      number = match.group("strictNumber");
    }
    String word = kind.replaceAll("[^A-Za-z]", "").toUpperCase(Locale.ROOT);
    PlaceholderKind parsed =
        word.equals("THAIID") ? PlaceholderKind.THAI_ID : PlaceholderKind.valueOf(word);
    return new Placeholder(parsed, Integer.parseInt(number));
  }

  /** Every placeholder spelling in {@code text}, in order. */
  static List<Occurrence> find(String text) {
    List<Occurrence> found = new ArrayList<>();
    Matcher match = PATTERN.matcher(text);
    while (match.find()) {
      found.add(new Occurrence(match.start(), match.end(), placeholder(match)));
    }
    return found;
  }

  /** Where a placeholder spelling occurs in a text. */
  record Occurrence(int start, int end, Placeholder placeholder) {}
}
