package com.minichat.domain.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageRequestTest {

  @ParameterizedTest
  @ValueSource(ints = {1, PageRequest.DEFAULT_LIMIT, PageRequest.MAX_LIMIT})
  void limitsWithinBoundsAreKept(int limit) {
    assertEquals(limit, new PageRequest("abc", limit).limit());
  }

  @ParameterizedTest
  @ValueSource(ints = {Integer.MIN_VALUE, -1, 0, PageRequest.MAX_LIMIT + 1, Integer.MAX_VALUE})
  void limitsOutsideBoundsAreRefused(int limit) {
    ValidationException e =
        assertThrows(ValidationException.class, () -> new PageRequest(null, limit));

    assertEquals(
        List.of(new FieldViolation("limit", "must be between 1 and " + PageRequest.MAX_LIMIT)),
        e.violations());
  }

  @Test
  void firstPageHasNoCursorAndTheDefaultLimit() {
    PageRequest first = PageRequest.first();

    assertNull(first.cursor());
    assertEquals(PageRequest.DEFAULT_LIMIT, first.limit());
  }

  @Test
  void pageItemsAreCopied() {
    ArrayList<String> items = new ArrayList<>(List.of("a"));
    Page<String> page = new Page<>(items, null, 10);

    items.add("b");

    assertEquals(List.of("a"), page.items());
  }
}
