package com.minichat.adapters.ai.offline;

/**
 * A deliberately small suffix stripper for English words, so that "opening", "opened" and "open"
 * (or "shipping" and "ship", "internationally" and "international") meet in one term.
 *
 * <p>Written here rather than taken from a library because the matcher only needs the common
 * inflections, applied identically to questions and FAQ entries; a full Porter or Snowball stemmer
 * would bring a search-engine dependency for a few lines. Stems need not be real words, only the
 * same for related forms. Irregular forms (went/go) and derivations (delivery/deliver) are not
 * conflated.
 */
final class EnglishStemmer {
  private static final int MIN_STEM = 3;

  private EnglishStemmer() {}

  /** The stem of a lower-case token; tokens that are not plain a–z words come back unchanged. */
  static String stem(String word) {
    if (word.length() <= MIN_STEM || !isAsciiWord(word)) {
      return word;
    }
    String stem = word;
    if (word.endsWith("ie")) {
      // the tokenizer folded "policies" to "policie"; meet "policy"
      stem = word.substring(0, word.length() - 2) + "y";
    } else if (word.endsWith("ing")) {
      stem = strip(word, 3);
    } else if (word.endsWith("ed")) {
      stem = strip(word, 2);
    } else if (word.endsWith("ly")) {
      stem = strip(word, 2);
    }
    boolean suffixRemoved = stem.length() < word.length() - 1;
    if (suffixRemoved && stem.length() > MIN_STEM && doubledConsonant(stem)) {
      // "shipp(ing)" -> "ship", but not "add(ed)" -> "ad" nor "call(ing)" -> "cal"
      stem = stem.substring(0, stem.length() - 1);
    }
    if (stem.length() > MIN_STEM && stem.endsWith("e") && !stem.endsWith("ee")) {
      // "price" and "pric(ing)" meet; "boxe(s)" meets "box"
      stem = stem.substring(0, stem.length() - 1);
    }
    return stem;
  }

  /** Removes a suffix when a stem of at least {@value #MIN_STEM} letters with a vowel remains. */
  private static String strip(String word, int suffix) {
    String stem = word.substring(0, word.length() - suffix);
    return stem.length() >= MIN_STEM && hasVowel(stem) ? stem : word;
  }

  private static boolean doubledConsonant(String stem) {
    char last = stem.charAt(stem.length() - 1);
    return last == stem.charAt(stem.length() - 2) && !isVowel(last) && "lsz".indexOf(last) < 0;
  }

  private static boolean hasVowel(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (isVowel(text.charAt(i)) || (i > 0 && text.charAt(i) == 'y')) {
        return true;
      }
    }
    return false;
  }

  private static boolean isVowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
  }

  private static boolean isAsciiWord(String word) {
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (c < 'a' || c > 'z') {
        return false;
      }
    }
    return true;
  }
}
