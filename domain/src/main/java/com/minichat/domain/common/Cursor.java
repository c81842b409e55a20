package com.minichat.domain.common;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Position in a list ordered by creation time then id; encoded as an opaque URL-safe string so
 * clients cannot depend on its shape.
 */
public record Cursor(Instant createdAt, String id) {
  private static final String SEPARATOR = "|";

  /** The opaque string form handed to clients. */
  public String encode() {
    String raw = createdAt.toEpochMilli() + SEPARATOR + id;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  /** Reads a cursor that {@link #encode()} produced; anything else is a validation error. */
  public static Cursor decode(String encoded) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
      int split = raw.indexOf(SEPARATOR);
      if (split < 1 || split == raw.length() - 1) {
        throw new IllegalArgumentException("no separator");
      }
      return new Cursor(
          Instant.ofEpochMilli(Long.parseLong(raw.substring(0, split))), raw.substring(split + 1));
    } catch (IllegalArgumentException e) {
      throw new ValidationException("cursor", "is not a cursor returned by this API");
    }
  }

  /** Whether an item created at {@code time} with {@code itemId} comes after this position. */
  public boolean isBefore(Instant time, String itemId) {
    int byTime = createdAt.compareTo(time);
    return byTime < 0 || (byTime == 0 && id.compareTo(itemId) < 0);
  }
}
