package com.minichat.domain.common;

import java.util.List;

/** Input broke one or more rules; every broken rule is listed, not only the first. */
public final class ValidationException extends DomainException {
  private final List<FieldViolation> violations;

  public ValidationException(List<FieldViolation> violations) {
    super(ErrorCode.VALIDATION_ERROR, summary(violations));
    this.violations = List.copyOf(violations);
  }

  public ValidationException(String field, String issue) {
    this(List.of(new FieldViolation(field, issue)));
  }

  public List<FieldViolation> violations() {
    return violations;
  }

  private static String summary(List<FieldViolation> violations) {
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("a validation failure needs at least one violation");
    }
    return violations.size() == 1
        ? "Invalid " + violations.getFirst().field() + ": " + violations.getFirst().issue()
        : violations.size() + " fields are invalid";
  }
}
