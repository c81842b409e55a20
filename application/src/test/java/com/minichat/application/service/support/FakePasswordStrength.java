package com.minichat.application.service.support;

import com.minichat.application.port.out.security.PasswordStrength;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A {@link PasswordStrength} with a list of common passwords the test chooses (compared without
 * case) and a score the test sets: 4 unless told otherwise, per password or for all. Records the
 * user inputs it was given.
 */
public final class FakePasswordStrength implements PasswordStrength {
  private final Set<String> common = new HashSet<>();
  private final Map<String, Integer> scores = new HashMap<>();
  private final List<List<String>> userInputs = new ArrayList<>();
  private int defaultScore = 4;

  /** Adds passwords to the common list. */
  public synchronized FakePasswordStrength withCommon(String... passwords) {
    for (String password : passwords) {
      common.add(password.toLowerCase(Locale.ROOT));
    }
    return this;
  }

  /** The score of every password without a score of its own. */
  public synchronized FakePasswordStrength scoringAll(int score) {
    defaultScore = score;
    return this;
  }

  /** The score of one password. */
  public synchronized FakePasswordStrength scoring(String password, int score) {
    scores.put(password, score);
    return this;
  }

  @Override
  public synchronized boolean isCommon(String password) {
    return common.contains(password.toLowerCase(Locale.ROOT));
  }

  @Override
  public synchronized int score(String password, List<String> inputs) {
    userInputs.add(List.copyOf(inputs));
    return scores.getOrDefault(password, defaultScore);
  }

  /** The user inputs of every {@link #score} call, in order. */
  public synchronized List<List<String>> userInputs() {
    return List.copyOf(userInputs);
  }
}
