package com.minichat.domain.workspace;

/** A question the business expects and the answer the bot gives; {@link Workspace} checks both. */
public record FaqEntry(String question, String answer) {
  public FaqEntry {
    question = question == null ? "" : question.strip();
    answer = answer == null ? "" : answer.strip();
  }
}
