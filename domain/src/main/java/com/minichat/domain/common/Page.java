package com.minichat.domain.common;

import java.util.List;

/**
 * One page of a cursor-paginated list.
 *
 * @param nextCursor where the next page starts, or {@code null} when this is the last page
 */
public record Page<T>(List<T> items, String nextCursor, int limit) {
  public Page {
    items = List.copyOf(items);
  }
}
