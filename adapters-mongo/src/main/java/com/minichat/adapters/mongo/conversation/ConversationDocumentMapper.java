package com.minichat.adapters.mongo.conversation;

import static com.minichat.adapters.mongo.MongoSchema.CREATED_AT;
import static com.minichat.adapters.mongo.MongoSchema.ID;
import static com.minichat.adapters.mongo.MongoSchema.SCHEMA_VERSION;
import static com.minichat.adapters.mongo.MongoSchema.UPDATED_AT;

import com.minichat.adapters.mongo.MongoSchema;
import com.minichat.domain.conversation.Conversation;
import com.minichat.domain.conversation.ConversationId;
import com.minichat.domain.conversation.ConversationStatus;
import com.minichat.domain.conversation.Receipts;
import com.minichat.domain.conversation.VisitorId;
import com.minichat.domain.conversation.VisitorProfile;
import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.WorkspaceId;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Maps {@link Conversation} to and from documents of the {@code conversations} collection; the
 * status is stored by its enum name.
 */
public final class ConversationDocumentMapper {
  public static final String WORKSPACE_ID = "workspaceId";
  public static final String VISITOR_ID = "visitorId";
  public static final String STATUS = "status";
  public static final String VISITOR = "visitor";
  public static final String AI_PAUSED = "aiPaused";
  public static final String HUMAN_REQUESTED = "humanRequested";
  public static final String RECEIPTS = "receipts";
  public static final String ASSIGNEE_ID = "assigneeId";

  /** The fields {@link #toDomain} reads. */
  public static final Bson PROJECTION =
      Projections.include(
          ID,
          WORKSPACE_ID,
          VISITOR_ID,
          STATUS,
          VISITOR,
          AI_PAUSED,
          HUMAN_REQUESTED,
          RECEIPTS,
          ASSIGNEE_ID,
          CREATED_AT,
          UPDATED_AT);

  private ConversationDocumentMapper() {}

  /** The document stored for {@code conversation}. */
  public static Document toDocument(Conversation conversation) {
    return new Document(ID, conversation.id().value())
        .append(WORKSPACE_ID, conversation.workspaceId().value())
        .append(VISITOR_ID, conversation.visitorId().value())
        .append(STATUS, conversation.status().name())
        .append(
            VISITOR,
            new Document("name", conversation.visitor().name())
                .append("email", conversation.visitor().email())
                .append("phone", conversation.visitor().phone()))
        .append(AI_PAUSED, conversation.aiPaused())
        .append(HUMAN_REQUESTED, conversation.humanRequested())
        .append(RECEIPTS, receipts(conversation.receipts()))
        .append(
            ASSIGNEE_ID,
            conversation.assigneeId() == null ? null : conversation.assigneeId().value())
        .append(CREATED_AT, MongoSchema.toDate(conversation.createdAt()))
        .append(UPDATED_AT, MongoSchema.toDate(conversation.updatedAt()))
        .append(SCHEMA_VERSION, MongoSchema.CURRENT_SCHEMA_VERSION);
  }

  /**
   * The conversation a stored document describes; documents written before visitors, takeover and
   * receipts existed read as anonymous, answered by the bot, nothing received or seen.
   */
  public static Conversation toDomain(Document document) {
    Document visitor = document.get(VISITOR, new Document());
    Document receipts = document.get(RECEIPTS, new Document());
    return new Conversation(
        new ConversationId(document.getString(ID)),
        new WorkspaceId(document.getString(WORKSPACE_ID)),
        new VisitorId(document.getString(VISITOR_ID)),
        ConversationStatus.valueOf(document.getString(STATUS)),
        new VisitorProfile(
            visitor.getString("name"), visitor.getString("email"), visitor.getString("phone")),
        document.getBoolean(AI_PAUSED, false),
        document.getBoolean(HUMAN_REQUESTED, false),
        new Receipts(
            MongoSchema.toInstantOrNull(receipts.getDate("visitorDeliveredUpTo")),
            MongoSchema.toInstantOrNull(receipts.getDate("visitorSeenUpTo")),
            MongoSchema.toInstantOrNull(receipts.getDate("teamDeliveredUpTo")),
            MongoSchema.toInstantOrNull(receipts.getDate("teamSeenUpTo"))),
        document.getString(ASSIGNEE_ID) == null
            ? null
            : new UserId(document.getString(ASSIGNEE_ID)),
        MongoSchema.toInstant(document.getDate(CREATED_AT)),
        MongoSchema.toInstant(document.getDate(UPDATED_AT)));
  }

  private static Document receipts(Receipts receipts) {
    return new Document(
            "visitorDeliveredUpTo", MongoSchema.toDateOrNull(receipts.visitorDeliveredUpTo()))
        .append("visitorSeenUpTo", MongoSchema.toDateOrNull(receipts.visitorSeenUpTo()))
        .append("teamDeliveredUpTo", MongoSchema.toDateOrNull(receipts.teamDeliveredUpTo()))
        .append("teamSeenUpTo", MongoSchema.toDateOrNull(receipts.teamSeenUpTo()));
  }
}
