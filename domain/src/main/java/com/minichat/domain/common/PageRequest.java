package com.minichat.domain.common;

/**
 * Which slice of a cursor-paginated list to read.
 *
 * @param cursor opaque position returned as {@link Page#nextCursor()} by the previous page, or
 *     {@code null} for the first page
 * @param limit how many items at most
 */
public record PageRequest(String cursor, int limit) {
  /** Items per page when the caller does not say. */
  public static final int DEFAULT_LIMIT = 50;

  /** Most items a single page may hold. */
  public static final int MAX_LIMIT = 200;

  public PageRequest {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new ValidationException("limit", "must be between 1 and " + MAX_LIMIT);
    }
  }

  /** The first page with the default size. */
  public static PageRequest first() {
    return new PageRequest(null, DEFAULT_LIMIT);
  }
}
