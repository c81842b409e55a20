package com.minichat.domain.common;

import java.util.ArrayList;
import java.util.List;

/** Collects every broken rule of an input so that all of them are reported at once. */
public final class Violations {
  private final List<FieldViolation> found = new ArrayList<>();

  /** Records {@code issue} for {@code field} unless {@code ok}. */
  public Violations check(boolean ok, String field, String issue) {
    if (!ok) {
      found.add(new FieldViolation(field, issue));
    }
    return this;
  }

  /** Records a text rule: present (when required) and at most {@code max} characters. */
  public Violations text(String value, String field, boolean required, int max) {
    if (value == null || value.isBlank()) {
      return check(!required, field, "is required");
    }
    return check(value.length() <= max, field, "must be at most " + max + " characters");
  }

  /** Throws a {@link ValidationException} listing everything recorded, if anything was. */
  public void throwIfAny() {
    if (!found.isEmpty()) {
      throw new ValidationException(found);
    }
  }
}
