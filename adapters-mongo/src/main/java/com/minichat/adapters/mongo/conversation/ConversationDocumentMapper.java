package com.minichat.adapters.mongo.conversation;

import static com.minichat.adapters.mongo.MongoSchema.CREATED_AT;
import static com.minichat.adapters.mongo.MongoSchema.ID;
import static com.minichat.adapters.mongo.MongoSchema.SCHEMA_VERSION;
import static com.minichat.adapters.mongo.MongoSchema.UPDATED_AT;

import com.minichat.adapters.mongo.MongoSchema;
import com.minichat.domain.conversation.Conversation;
import com.minichat.domain.conversation.ConversationId;
import com.minichat.domain.conversation.ConversationStatus;
import com.minichat.domain.conversation.VisitorId;
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

  /** The fields {@link #toDomain} reads. */
  public static final Bson PROJECTION =
      Projections.include(ID, WORKSPACE_ID, VISITOR_ID, STATUS, CREATED_AT, UPDATED_AT);

  private ConversationDocumentMapper() {}

  /** The document stored for {@code conversation}. */
  public static Document toDocument(Conversation conversation) {
    return new Document(ID, conversation.id().value())
        .append(WORKSPACE_ID, conversation.workspaceId().value())
        .append(VISITOR_ID, conversation.visitorId().value())
        .append(STATUS, conversation.status().name())
        .append(CREATED_AT, MongoSchema.toDate(conversation.createdAt()))
        .append(UPDATED_AT, MongoSchema.toDate(conversation.updatedAt()))
        .append(SCHEMA_VERSION, MongoSchema.CURRENT_SCHEMA_VERSION);
  }

  /** The conversation a stored document describes. */
  public static Conversation toDomain(Document document) {
    return new Conversation(
        new ConversationId(document.getString(ID)),
        new WorkspaceId(document.getString(WORKSPACE_ID)),
        new VisitorId(document.getString(VISITOR_ID)),
        ConversationStatus.valueOf(document.getString(STATUS)),
        MongoSchema.toInstant(document.getDate(CREATED_AT)),
        MongoSchema.toInstant(document.getDate(UPDATED_AT)));
  }
}
