package com.minichat.domain.workspace;

import java.util.Objects;

/** A question the business expects, with the answer the bot should give. */
public record FaqEntry(String question, String answer) {
  public FaqEntry {
    Objects.requireNonNull(question, "question");
    Objects.requireNonNull(answer, "answer");
  }
}
