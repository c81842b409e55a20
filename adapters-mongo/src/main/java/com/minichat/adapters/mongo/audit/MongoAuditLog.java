package com.minichat.adapters.mongo.audit;

import com.minichat.adapters.mongo.MongoErrors;
import com.minichat.adapters.mongo.MongoSchema;
import com.minichat.application.port.out.audit.AuditLog;
import com.minichat.domain.audit.AuditEvent;
import com.minichat.domain.common.OffsetPage;
import com.minichat.domain.user.UserId;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * {@link AuditLog} on the {@code auditLog} collection, newest first ({@code at}, then {@code _id},
 * both descending) by the indexes of migration {@code 0002-create-token-and-audit-indexes}. The
 * total and the page are two reads, so an event recorded in between may be counted but not listed
 * (or the reverse); an administrator's list tolerates that.
 */
public final class MongoAuditLog implements AuditLog {
  private final MongoCollection<Document> events;

  /** A log on {@code database}, which must have been migrated. */
  public MongoAuditLog(MongoDatabase database) {
    this.events = Objects.requireNonNull(database, "database").getCollection(MongoSchema.AUDIT_LOG);
  }

  @Override
  public void record(AuditEvent event) {
    Document document = AuditEventDocumentMapper.toDocument(event);
    MongoErrors.call(
        "record audit event",
        "An audit event with this id already exists",
        () -> events.insertOne(document));
  }

  @Override
  public OffsetPage<AuditEvent> list(Optional<UserId> userId, int page, int pageSize) {
    OffsetPage.check(page, pageSize);
    Bson filter =
        userId
            .map(id -> Filters.eq(AuditEventDocumentMapper.USER_ID, id.value()))
            .orElseGet(Filters::empty);
    long total = MongoErrors.call("count audit events", () -> events.countDocuments(filter));
    long skip = (page - 1L) * pageSize;
    if (skip >= total) {
      return new OffsetPage<>(List.of(), page, pageSize, total);
    }
    List<Document> found =
        MongoErrors.call(
            "list audit events",
            () ->
                events
                    .find(filter)
                    .projection(AuditEventDocumentMapper.PROJECTION)
                    .sort(Sorts.descending(AuditEventDocumentMapper.AT, MongoSchema.ID))
                    .skip(Math.toIntExact(skip))
                    .limit(pageSize)
                    .into(new ArrayList<>()));
    return new OffsetPage<>(
        found.stream().map(AuditEventDocumentMapper::toDomain).toList(), page, pageSize, total);
  }
}
