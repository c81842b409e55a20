package com.minichat.application.fake;

import com.minichat.domain.common.Cursor;
import com.minichat.domain.common.Page;
import com.minichat.domain.common.PageRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** Cursor pagination and timestamp precision shared by the in-memory repositories. */
final class InMemoryPaging {
  private InMemoryPaging() {}

  /** Instants as a MongoDB date keeps them: whole milliseconds. */
  static Instant millis(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MILLIS);
  }

  /** {@link #millis} of an optional instant: {@code null} stays {@code null}. */
  static Instant millisOrNull(Instant instant) {
    return instant == null ? null : millis(instant);
  }

  /**
   * One page of {@code items} ordered by creation time then id, starting after the request's
   * cursor. Reads one item more than the limit to know whether another page follows, so the last
   * page always has a {@code null} next cursor.
   */
  static <T> Page<T> page(
      Collection<T> items,
      Function<T, Instant> createdAt,
      Function<T, String> id,
      PageRequest request) {
    Cursor after = request.cursor() == null ? null : Cursor.decode(request.cursor());
    List<T> ordered =
        items.stream()
            .filter(item -> after == null || after.isBefore(createdAt.apply(item), id.apply(item)))
            .sorted(Comparator.comparing(createdAt).thenComparing(id))
            .limit(request.limit() + 1L)
            .toList();
    if (ordered.size() <= request.limit()) {
      return new Page<>(ordered, null, request.limit());
    }
    List<T> pageItems = new ArrayList<>(ordered.subList(0, request.limit()));
    T last = pageItems.getLast();
    String next = new Cursor(createdAt.apply(last), id.apply(last)).encode();
    return new Page<>(pageItems, next, request.limit());
  }
}
