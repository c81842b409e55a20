package com.minichat.adapters.mongo.audit;

import static com.minichat.adapters.mongo.MongoSchema.CREATED_AT;
import static com.minichat.adapters.mongo.MongoSchema.ID;
import static com.minichat.adapters.mongo.MongoSchema.SCHEMA_VERSION;
import static com.minichat.adapters.mongo.MongoSchema.UPDATED_AT;

import com.minichat.adapters.mongo.MongoSchema;
import com.minichat.domain.audit.AuditEvent;
import com.minichat.domain.audit.AuditEventType;
import com.minichat.domain.user.UserId;
import com.mongodb.client.model.Projections;
import java.util.Date;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Maps {@link AuditEvent} to and from documents of the {@code auditLog} collection: {@code _id},
 * {@code type} (enum name), {@code userId} (or null), {@code ip}, {@code userAgent}, {@code
 * detail}, {@code at}, {@code createdAt} and {@code updatedAt} (both equal to {@code at}: entries
 * never change), {@code schemaVersion}.
 */
public final class AuditEventDocumentMapper {
  public static final String TYPE = "type";
  public static final String USER_ID = "userId";
  public static final String IP = "ip";
  public static final String USER_AGENT = "userAgent";
  public static final String DETAIL = "detail";
  public static final String AT = "at";

  /** The fields {@link #toDomain} reads. */
  public static final Bson PROJECTION =
      Projections.include(ID, TYPE, USER_ID, IP, USER_AGENT, DETAIL, AT);

  private AuditEventDocumentMapper() {}

  /** The document stored for {@code event}. */
  public static Document toDocument(AuditEvent event) {
    Date at = MongoSchema.toDate(event.at());
    return new Document(ID, event.id())
        .append(TYPE, event.type().name())
        .append(USER_ID, event.userId() == null ? null : event.userId().value())
        .append(IP, event.ip())
        .append(USER_AGENT, event.userAgent())
        .append(DETAIL, event.detail())
        .append(AT, at)
        .append(CREATED_AT, at)
        .append(UPDATED_AT, at)
        .append(SCHEMA_VERSION, MongoSchema.CURRENT_SCHEMA_VERSION);
  }

  /** The event a stored document describes. */
  public static AuditEvent toDomain(Document document) {
    String userId = document.getString(USER_ID);
    return new AuditEvent(
        document.getString(ID),
        AuditEventType.valueOf(document.getString(TYPE)),
        userId == null ? null : new UserId(userId),
        document.getString(IP),
        document.getString(USER_AGENT),
        document.getString(DETAIL),
        MongoSchema.toInstant(document.getDate(AT)));
  }
}
