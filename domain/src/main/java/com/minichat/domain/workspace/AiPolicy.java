package com.minichat.domain.workspace;

import com.minichat.domain.common.Violations;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a workspace allows its bot: whether personal data is hidden from AI providers, which words
 * visitors may not send, and how much it may spend on providers each month.
 *
 * @param redactPersonalData replace e-mail addresses, phone, card and Thai ID numbers with
 *     placeholders before text leaves for a provider, and restore them in the answer
 * @param blockedWords words or phrases that refuse a visitor's message before any provider sees it
 *     (matched ignoring case, width and surrounding text, Thai included)
 * @param monthlyBudgetMicros the most the workspace spends on providers per UTC month, in
 *     millionths of a US dollar; {@code null} for no cap
 * @param budgetWarningPercent the share of the budget at which owners and admins are warned
 * @param moderateMessages check each visitor message with the moderation endpoint of the chain's
 *     OpenAI provider (when it has one) before answering
 */
public record AiPolicy(
    boolean redactPersonalData,
    List<String> blockedWords,
    Long monthlyBudgetMicros,
    int budgetWarningPercent,
    boolean moderateMessages) {

  /** Hide personal data, block nothing, no budget, warn at 80 %, no moderation call. */
  public static final AiPolicy DEFAULT = new AiPolicy(true, List.of(), null, 80, false);

  public static final int MAX_BLOCKED_WORDS = 200;
  public static final int MAX_BLOCKED_WORD = 100;

  /** The highest budget accepted: one million US dollars a month. */
  public static final long MAX_BUDGET_MICROS = 1_000_000L * 1_000_000L;

  /**
   * Copies the list, tolerating {@code null} entries so that they are reported by {@link #check}.
   */
  public AiPolicy {
    blockedWords =
        blockedWords == null
            ? List.of()
            : Collections.unmodifiableList(
                new ArrayList<>(
                    blockedWords.stream()
                        .map(word -> word == null ? null : word.strip())
                        .toList()));
  }

  /** Adds every broken rule to {@code violations}, with {@code aiPolicy.*} field names. */
  void check(Violations violations) {
    violations
        .check(
            blockedWords.size() <= MAX_BLOCKED_WORDS,
            "aiPolicy.blockedWords",
            "must have at most " + MAX_BLOCKED_WORDS + " entries")
        .check(
            monthlyBudgetMicros == null
                || (monthlyBudgetMicros >= 0 && monthlyBudgetMicros <= MAX_BUDGET_MICROS),
            "aiPolicy.monthlyBudgetUsd",
            "must be between 0 and 1000000 US dollars, or null for no cap")
        .check(
            budgetWarningPercent >= 1 && budgetWarningPercent <= 100,
            "aiPolicy.budgetWarningPercent",
            "must be between 1 and 100");
    for (int i = 0; i < blockedWords.size(); i++) {
      violations.text(
          blockedWords.get(i), "aiPolicy.blockedWords[" + i + "]", true, MAX_BLOCKED_WORD);
    }
  }

  /** The first blocked word {@code text} contains, if any. */
  public Optional<String> blockedWordIn(String text) {
    String haystack = fold(text);
    return blockedWords.stream().filter(word -> haystack.contains(fold(word))).findFirst();
  }

  /** Case and width folded (NFKC), so that "ＳＰＡＭ" and "spam" are one word. */
  private static String fold(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
  }
}
