package com.minichat.application.port.out.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.minichat.domain.common.Page;
import com.minichat.domain.common.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Walks a cursor-paginated list page by page and checks the shape of every page. */
public final class PageAssertions {
  private PageAssertions() {}

  /**
   * Reads every page of size {@code limit} and checks that the pages hold {@code expectedSizes}
   * items, that every page but the last has a next cursor and that the last has none.
   *
   * @return all items in the order the pages returned them
   */
  public static <T> List<T> readAll(
      Function<PageRequest, Page<T>> query, int limit, List<Integer> expectedSizes) {
    List<T> all = new ArrayList<>();
    String cursor = null;
    for (int i = 0; i < expectedSizes.size(); i++) {
      Page<T> page = query.apply(new PageRequest(cursor, limit));
      assertEquals(expectedSizes.get(i), page.items().size(), "size of page " + (i + 1));
      assertEquals(limit, page.limit(), "limit of page " + (i + 1));
      all.addAll(page.items());
      cursor = page.nextCursor();
      if (i < expectedSizes.size() - 1) {
        assertNotNull(cursor, "page " + (i + 1) + " must point to the next one");
      } else {
        assertNull(cursor, "the last page must not point further");
      }
    }
    return all;
  }
}
