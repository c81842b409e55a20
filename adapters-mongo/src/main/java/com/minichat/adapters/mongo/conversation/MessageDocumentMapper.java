package com.minichat.adapters.mongo.conversation;

import static com.minichat.adapters.mongo.MongoSchema.CREATED_AT;
import static com.minichat.adapters.mongo.MongoSchema.ID;
import static com.minichat.adapters.mongo.MongoSchema.SCHEMA_VERSION;
import static com.minichat.adapters.mongo.MongoSchema.UPDATED_AT;

import com.minichat.adapters.mongo.MongoSchema;
import com.minichat.domain.conversation.ConversationId;
import com.minichat.domain.conversation.Message;
import com.minichat.domain.conversation.MessageAuthor;
import com.minichat.domain.conversation.MessageId;
import com.minichat.domain.workspace.WorkspaceId;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Maps {@link Message} to and from documents of the {@code messages} collection. Messages never
 * change, so {@code updatedAt} equals {@code createdAt}; the author is stored by its enum name.
 */
public final class MessageDocumentMapper {
  public static final String CONVERSATION_ID = "conversationId";
  public static final String WORKSPACE_ID = "workspaceId";
  public static final String AUTHOR = "author";
  public static final String TEXT = "text";

  /** The fields {@link #toDomain} reads. */
  public static final Bson PROJECTION =
      Projections.include(ID, CONVERSATION_ID, WORKSPACE_ID, AUTHOR, TEXT, CREATED_AT);

  private MessageDocumentMapper() {}

  /** The document stored for {@code message}. */
  public static Document toDocument(Message message) {
    return new Document(ID, message.id().value())
        .append(CONVERSATION_ID, message.conversationId().value())
        .append(WORKSPACE_ID, message.workspaceId().value())
        .append(AUTHOR, message.author().name())
        .append(TEXT, message.text())
        .append(CREATED_AT, MongoSchema.toDate(message.createdAt()))
        .append(UPDATED_AT, MongoSchema.toDate(message.createdAt()))
        .append(SCHEMA_VERSION, MongoSchema.CURRENT_SCHEMA_VERSION);
  }

  /** The message a stored document describes. */
  public static Message toDomain(Document document) {
    return new Message(
        new MessageId(document.getString(ID)),
        new ConversationId(document.getString(CONVERSATION_ID)),
        new WorkspaceId(document.getString(WORKSPACE_ID)),
        MessageAuthor.valueOf(document.getString(AUTHOR)),
        document.getString(TEXT),
        MongoSchema.toInstant(document.getDate(CREATED_AT)));
  }
}
