package com.minichat.domain.common;

import java.util.List;

/**
 * One page of an administrative list numbered by pages (1-based), with the total count.
 *
 * @param page the page number, from 1
 */
public record OffsetPage<T>(List<T> items, int page, int pageSize, long total) {
  /** Largest page size an administrator may ask for. */
  public static final int MAX_PAGE_SIZE = 100;

  public OffsetPage {
    items = List.copyOf(items);
  }

  /** Checks a requested page and page size, reporting both at once. */
  public static void check(int page, int pageSize) {
    new Violations()
        .check(page >= 1, "page", "must be 1 or more")
        .check(
            pageSize >= 1 && pageSize <= MAX_PAGE_SIZE,
            "pageSize",
            "must be between 1 and " + MAX_PAGE_SIZE)
        .throwIfAny();
  }
}
