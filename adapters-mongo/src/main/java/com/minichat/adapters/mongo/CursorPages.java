package com.minichat.adapters.mongo;

import com.minichat.domain.common.Cursor;
import com.minichat.domain.common.Page;
import com.minichat.domain.common.PageRequest;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Keyset pagination in ascending order of a time field then a string id field (by default {@code
 * createdAt} then {@code _id}), served by compound indexes {@code (parent, time, id)}. Reads one
 * document more than the limit to know whether another page follows, so the last page has no next
 * cursor. The cursor is the domain {@link Cursor} of the last item: its time and id.
 */
public final class CursorPages {
  private CursorPages() {}

  /**
   * The fields a list is ordered by.
   *
   * @param timeField a date field, compared first
   * @param idField a string field that breaks ties of {@code timeField}; unique within the list
   */
  public record Order(String timeField, String idField) {
    /** Creation time, then primary key. */
    public static final Order CREATION = new Order(MongoSchema.CREATED_AT, MongoSchema.ID);

    public Order {
      Objects.requireNonNull(timeField, "timeField");
      Objects.requireNonNull(idField, "idField");
    }
  }

  /** A page ordered by {@link Order#CREATION}. */
  public static <T> Page<T> page(
      MongoCollection<Document> collection,
      String operation,
      Bson parentFilter,
      Bson projection,
      PageRequest request,
      Function<Document, T> mapper,
      Function<T, Instant> createdAt,
      Function<T, String> id) {
    return page(
        collection,
        operation,
        parentFilter,
        projection,
        request,
        Order.CREATION,
        mapper,
        createdAt,
        id);
  }

  /**
   * A page of the documents matching {@code parentFilter} in {@code order}, starting after the
   * request's cursor; {@code time} and {@code id} read the ordering values back from an item.
   */
  public static <T> Page<T> page(
      MongoCollection<Document> collection,
      String operation,
      Bson parentFilter,
      Bson projection,
      PageRequest request,
      Order order,
      Function<Document, T> mapper,
      Function<T, Instant> time,
      Function<T, String> id) {
    Bson filter = parentFilter;
    if (request.cursor() != null) {
      Cursor after = Cursor.decode(request.cursor());
      filter = Filters.and(parentFilter, after(order, after));
    }
    Bson query = filter;
    List<Document> found =
        MongoErrors.call(
            operation,
            () ->
                collection
                    .find(query)
                    .projection(projection)
                    .sort(Sorts.ascending(order.timeField(), order.idField()))
                    .limit(request.limit() + 1)
                    .into(new ArrayList<>()));
    List<T> items = found.stream().limit(request.limit()).map(mapper).toList();
    if (found.size() <= request.limit()) {
      return new Page<>(items, null, request.limit());
    }
    T last = items.getLast();
    return new Page<>(
        items, new Cursor(time.apply(last), id.apply(last)).encode(), request.limit());
  }

  /** Documents strictly after {@code cursor} in (time, id) order. */
  private static Bson after(Order order, Cursor cursor) {
    var time = MongoSchema.toDate(cursor.createdAt());
    return Filters.or(
        Filters.gt(order.timeField(), time),
        Filters.and(Filters.eq(order.timeField(), time), Filters.gt(order.idField(), cursor.id())));
  }
}
