package com.minichat.domain.text;

import java.text.BreakIterator;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits Thai and English text into normalised search tokens.
 *
 * <p>Latin words are lower-cased with plural "s" folded; Thai runs (written without spaces) are
 * segmented with the JDK's dictionary word breaker and additionally indexed as character bigrams,
 * because the dictionary misses loanwords and brand names. Filler words that carry no meaning for
 * matching (English function words, Thai polite particles) are dropped.
 */
public final class TextTokenizer {
  /** Prefix marking a Thai character-bigram token, so it never equals a whole word. */
  public static final String BIGRAM_PREFIX = "~";

  private static final Locale THAI = Locale.forLanguageTag("th");

  private static final Set<String> STOP_WORDS =
      Set.of(
          "a",
          "an",
          "the",
          "is",
          "are",
          "was",
          "were",
          "be",
          "do",
          "does",
          "did",
          "i",
          "you",
          "we",
          "me",
          "my",
          "your",
          "it",
          "to",
          "of",
          "in",
          "on",
          "at",
          "for",
          "and",
          "or",
          "can",
          "could",
          "would",
          "will",
          "please",
          "what",
          "how",
          "hi",
          "hello",
          "there",
          "this",
          "that",
          "with",
          "have",
          "has",
          "ครับ",
          "คับ",
          "ค่ะ",
          "คะ",
          "นะ",
          "จ้ะ",
          "จ้า",
          "ไหม",
          "มั้ย",
          "หรือเปล่า",
          "บ้าง",
          "อะไร",
          "ยังไง",
          "อย่างไร",
          "ที่",
          "และ",
          "หรือ",
          "ของ",
          "การ",
          "เป็น",
          "คือ",
          "ได้",
          "ให้",
          "จะ",
          "ว่า",
          "กับ",
          "ขอ",
          "หน่อย",
          "ผม",
          "ฉัน",
          "ดิฉัน",
          "คุณ");

  private TextTokenizer() {}

  /** Tokens of {@code text} in order of appearance (duplicates kept). */
  public static List<String> tokenize(String text) {
    List<String> tokens = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      return tokens;
    }
    // NFKC decomposes SARA AM (U+0E33) into NIKHAHIT + SARA AA, which the Thai word breaker then
    // cannot segment; recompose it.
    String normalised =
        Normalizer.normalize(text, Normalizer.Form.NFKC)
            .replace("\u0E4D\u0E32", "\u0E33")
            .toLowerCase(Locale.ROOT);
    int index = 0;
    while (index < normalised.length()) {
      int codePoint = normalised.codePointAt(index);
      int end = runEnd(normalised, index, Script.of(codePoint));
      String run = normalised.substring(index, end);
      switch (Script.of(codePoint)) {
        case THAI -> addThai(run, tokens);
        case LATIN -> addWord(foldPlural(run), tokens);
        case OTHER -> {
          // separators and symbols carry no meaning for matching
        }
      }
      index = end;
    }
    return tokens;
  }

  /** Whether {@code text} contains any Thai letter. */
  public static boolean containsThai(String text) {
    return text != null && text.codePoints().anyMatch(cp -> Script.of(cp) == Script.THAI);
  }

  private static int runEnd(String text, int start, Script script) {
    int index = start;
    while (index < text.length() && Script.of(text.codePointAt(index)) == script) {
      index += Character.charCount(text.codePointAt(index));
    }
    return index;
  }

  private static void addThai(String run, List<String> tokens) {
    BreakIterator words = BreakIterator.getWordInstance(THAI);
    words.setText(run);
    int start = words.first();
    for (int end = words.next(); end != BreakIterator.DONE; start = end, end = words.next()) {
      addWord(run.substring(start, end), tokens);
    }
    int[] codePoints = run.codePoints().toArray();
    for (int i = 0; i + 1 < codePoints.length; i++) {
      tokens.add(BIGRAM_PREFIX + new String(codePoints, i, 2));
    }
  }

  private static void addWord(String word, List<String> tokens) {
    if (!word.isBlank() && !STOP_WORDS.contains(word)) {
      tokens.add(word);
    }
  }

  private static String foldPlural(String word) {
    boolean plural = word.length() > 3 && word.endsWith("s") && !word.endsWith("ss");
    return plural ? word.substring(0, word.length() - 1) : word;
  }

  private enum Script {
    THAI,
    LATIN,
    OTHER;

    static Script of(int codePoint) {
      if (codePoint >= 0x0E01 && codePoint <= 0x0E5B) {
        return THAI;
      }
      return Character.isLetterOrDigit(codePoint) ? LATIN : OTHER;
    }
  }
}
