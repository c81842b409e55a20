package com.minichat.domain.common;

import java.util.Objects;

/**
 * One broken input rule: which field and what is wrong with it.
 *
 * @param field dotted path of the offending field, e.g. {@code faq[2].answer}
 * @param issue human-readable rule that failed
 */
public record FieldViolation(String field, String issue) {
  public FieldViolation {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(issue, "issue");
  }
}
