package com.minichat.adapters.http.support;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.minichat.domain.common.OffsetPage;
import com.minichat.domain.common.Page;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/** Writes the API envelope of {@code API.md} for success and failure. */
public final class Envelope {
  private final Clock clock;

  public Envelope(Clock clock) {
    this.clock = clock;
  }

  /** Response metadata present on every envelope. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Metadata(Instant timestamp, String requestId, Object pagination) {}

  /** Cursor pagination metadata. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Pagination(String nextCursor, int limit) {}

  /** Page-number pagination metadata of administrative lists. */
  public record PageNumbers(int page, int pageSize, long total) {}

  /** A successful response. */
  public record Success(boolean success, Object data, Metadata metadata) {}

  /** One broken rule in an error's details. */
  public record Detail(String field, String issue) {}

  /** The error part of a failure. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Error(String code, String message, List<Detail> details) {}

  /** A failed response. */
  public record Failure(boolean success, Error error, Metadata metadata) {}

  /** Writes {@code data} with status 200. */
  public void ok(Context ctx, Object data) {
    write(ctx, HttpStatus.OK, data);
  }

  /** Writes {@code data} with the given status. */
  public void write(Context ctx, HttpStatus status, Object data) {
    ctx.status(status).json(new Success(true, data, metadata(ctx, null)));
  }

  /** Writes one page of items mapped to response records, with pagination metadata. */
  public <T> void page(Context ctx, Page<T> page, Function<T, ?> mapper) {
    List<?> items = page.items().stream().map(mapper).toList();
    Metadata metadata = metadata(ctx, new Pagination(page.nextCursor(), page.limit()));
    ctx.status(HttpStatus.OK).json(new Success(true, items, metadata));
  }

  /** Writes one numbered page of an administrative list. */
  public <T> void offsetPage(Context ctx, OffsetPage<T> page, Function<T, ?> mapper) {
    List<?> items = page.items().stream().map(mapper).toList();
    Metadata metadata = metadata(ctx, new PageNumbers(page.page(), page.pageSize(), page.total()));
    ctx.status(HttpStatus.OK).json(new Success(true, items, metadata));
  }

  /** Writes an error envelope. */
  public void error(Context ctx, int status, String code, String message, List<Detail> details) {
    ctx.status(status)
        .json(new Failure(false, new Error(code, message, details), metadata(ctx, null)));
  }

  private Metadata metadata(Context ctx, Object pagination) {
    return new Metadata(clock.instant(), RequestIds.of(ctx), pagination);
  }
}
