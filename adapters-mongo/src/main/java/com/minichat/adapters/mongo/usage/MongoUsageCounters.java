package com.minichat.adapters.mongo.usage;

import com.minichat.adapters.mongo.MongoErrors;
import com.minichat.adapters.mongo.MongoSchema;
import com.minichat.application.port.out.usage.UsageCounters;
import com.minichat.domain.workspace.WorkspaceId;
import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Monthly counters in the {@code usage} collection, one document per workspace, counter and month
 * ({@code _id} = {@code workspaceId|counter|yyyy-MM}), incremented with an atomic upsert.
 */
public final class MongoUsageCounters implements UsageCounters {
  static final String WORKSPACE_ID = "workspaceId";
  static final String COUNTER = "counter";
  static final String MONTH = "month";
  static final String VALUE = "value";

  private final MongoCollection<Document> usage;
  private final Clock clock;

  public MongoUsageCounters(MongoDatabase database, Clock clock) {
    this.usage = database.getCollection(MongoSchema.USAGE);
    this.clock = clock;
  }

  @Override
  public long add(WorkspaceId workspaceId, String counter, YearMonth month, long amount) {
    Bson update =
        Updates.combine(
            Updates.inc(VALUE, amount),
            Updates.set(MongoSchema.UPDATED_AT, MongoSchema.toDate(clock.instant())),
            Updates.setOnInsert(WORKSPACE_ID, workspaceId.value()),
            Updates.setOnInsert(COUNTER, counter),
            Updates.setOnInsert(MONTH, month.toString()),
            Updates.setOnInsert(MongoSchema.CREATED_AT, MongoSchema.toDate(clock.instant())),
            Updates.setOnInsert(MongoSchema.SCHEMA_VERSION, MongoSchema.CURRENT_SCHEMA_VERSION));
    FindOneAndUpdateOptions upsert =
        new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER);
    Bson filter = Filters.eq(MongoSchema.ID, id(workspaceId, counter, month));
    try {
      return value(usage.findOneAndUpdate(filter, update, upsert));
    } catch (MongoException e) {
      if (!MongoErrors.isDuplicateKey(e)) {
        throw MongoErrors.translate("count usage", "usage counted twice", e);
      }
      // Two first additions raced to insert; the document exists now, so this one updates it.
      return MongoErrors.call(
          "count usage", () -> value(usage.findOneAndUpdate(filter, update, upsert)));
    }
  }

  @Override
  public long get(WorkspaceId workspaceId, String counter, YearMonth month) {
    Document found =
        MongoErrors.call(
            "read usage",
            () -> usage.find(Filters.eq(MongoSchema.ID, id(workspaceId, counter, month))).first());
    return found == null ? 0 : value(found);
  }

  /** Served by the {@code _id} index: the ids of one workspace share an anchored prefix. */
  @Override
  public Map<String, Long> all(WorkspaceId workspaceId, YearMonth month) {
    Bson filter =
        Filters.and(
            Filters.regex(MongoSchema.ID, "^" + Pattern.quote(workspaceId.value() + "|")),
            Filters.eq(MONTH, month.toString()));
    List<Document> found =
        MongoErrors.call("read all usage", () -> usage.find(filter).into(new ArrayList<>()));
    Map<String, Long> counters = new TreeMap<>();
    found.forEach(document -> counters.put(document.getString(COUNTER), value(document)));
    return counters;
  }

  private static String id(WorkspaceId workspaceId, String counter, YearMonth month) {
    return workspaceId.value() + "|" + counter + "|" + month;
  }

  private static long value(Document document) {
    return ((Number) document.get(VALUE)).longValue();
  }
}
