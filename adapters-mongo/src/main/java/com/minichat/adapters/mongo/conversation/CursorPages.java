package com.minichat.adapters.mongo.conversation;

import com.minichat.adapters.mongo.MongoErrors;
import com.minichat.adapters.mongo.MongoSchema;
import com.minichat.domain.common.Cursor;
import com.minichat.domain.common.Page;
import com.minichat.domain.common.PageRequest;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Keyset pagination ordered by {@code createdAt} then {@code _id}, served by the compound indexes
 * {@code (parent, createdAt, _id)}. Reads one document more than the limit to know whether another
 * page follows, so the last page has no next cursor.
 */
final class CursorPages {
  private CursorPages() {}

  static <T> Page<T> page(
      MongoCollection<Document> collection,
      String operation,
      Bson parentFilter,
      Bson projection,
      PageRequest request,
      Function<Document, T> mapper,
      Function<T, Instant> createdAt,
      Function<T, String> id) {
    Bson filter = parentFilter;
    if (request.cursor() != null) {
      Cursor after = Cursor.decode(request.cursor());
      filter = Filters.and(parentFilter, after(after));
    }
    Bson query = filter;
    List<Document> found =
        MongoErrors.call(
            operation,
            () ->
                collection
                    .find(query)
                    .projection(projection)
                    .sort(Sorts.ascending(MongoSchema.CREATED_AT, MongoSchema.ID))
                    .limit(request.limit() + 1)
                    .into(new ArrayList<>()));
    List<T> items = found.stream().limit(request.limit()).map(mapper).toList();
    if (found.size() <= request.limit()) {
      return new Page<>(items, null, request.limit());
    }
    T last = items.getLast();
    return new Page<>(
        items, new Cursor(createdAt.apply(last), id.apply(last)).encode(), request.limit());
  }

  /** Documents strictly after {@code cursor} in (createdAt, _id) order. */
  private static Bson after(Cursor cursor) {
    var time = MongoSchema.toDate(cursor.createdAt());
    return Filters.or(
        Filters.gt(MongoSchema.CREATED_AT, time),
        Filters.and(
            Filters.eq(MongoSchema.CREATED_AT, time), Filters.gt(MongoSchema.ID, cursor.id())));
  }
}
