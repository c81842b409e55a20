package com.minichat.domain.conversation;

import com.minichat.domain.common.Identifiers;
import com.minichat.domain.common.ValidationException;
import java.util.regex.Pattern;

/** Identifier of a {@code Visitor}. */
public record VisitorId(String value) {
  private static final Pattern SHAPE = Pattern.compile("^[0-9a-f]{24}$");

  public VisitorId {
    Identifiers.require(value, "VisitorId");
  }

  /** A new random identifier. */
  public static VisitorId generate() {
    return new VisitorId(Identifiers.random(12));
  }

  /**
   * The id a returning visitor's browser kept from an earlier conversation.
   *
   * @throws ValidationException when it is not shaped like one this server hands out
   */
  public static VisitorId returning(String value) {
    if (value == null || !SHAPE.matcher(value).matches()) {
      throw new ValidationException(
          "visitorId", "must be the visitorId of an earlier conversation (24 hex digits)");
    }
    return new VisitorId(value);
  }
}
