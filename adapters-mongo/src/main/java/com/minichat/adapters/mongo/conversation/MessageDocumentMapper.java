package com.minichat.adapters.mongo.conversation;

import static com.minichat.adapters.mongo.MongoSchema.CREATED_AT;
import static com.minichat.adapters.mongo.MongoSchema.ID;
import static com.minichat.adapters.mongo.MongoSchema.SCHEMA_VERSION;
import static com.minichat.adapters.mongo.MongoSchema.UPDATED_AT;

import com.minichat.adapters.mongo.MongoSchema;
import com.minichat.domain.conversation.ConversationId;
import com.minichat.domain.conversation.Message;
import com.minichat.domain.conversation.MessageAuthor;
import com.minichat.domain.conversation.MessageEdit;
import com.minichat.domain.conversation.MessageId;
import com.minichat.domain.conversation.ModelUsage;
import com.minichat.domain.conversation.Reaction;
import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.WorkspaceId;
import com.mongodb.client.model.Projections;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Maps {@link Message} to and from documents of the {@code messages} collection; the author and
 * reaction are stored by their enum names, {@code updatedAt} is the last edit (or the creation).
 */
public final class MessageDocumentMapper {
  public static final String CONVERSATION_ID = "conversationId";
  public static final String WORKSPACE_ID = "workspaceId";
  public static final String AUTHOR = "author";
  public static final String TEXT = "text";
  public static final String AUTHOR_ID = "authorId";
  public static final String EDITED_AT = "editedAt";
  public static final String EDITS = "edits";
  public static final String REACTION = "reaction";
  public static final String USAGE = "usage";

  /** The fields {@link #toDomain} reads. */
  public static final Bson PROJECTION =
      Projections.include(
          ID,
          CONVERSATION_ID,
          WORKSPACE_ID,
          AUTHOR,
          AUTHOR_ID,
          TEXT,
          CREATED_AT,
          EDITED_AT,
          EDITS,
          REACTION,
          USAGE);

  private MessageDocumentMapper() {}

  /** The document stored for {@code message}. */
  public static Document toDocument(Message message) {
    return new Document(ID, message.id().value())
        .append(CONVERSATION_ID, message.conversationId().value())
        .append(WORKSPACE_ID, message.workspaceId().value())
        .append(AUTHOR, message.author().name())
        .append(AUTHOR_ID, message.authorId() == null ? null : message.authorId().value())
        .append(TEXT, message.text())
        .append(CREATED_AT, MongoSchema.toDate(message.createdAt()))
        .append(EDITED_AT, MongoSchema.toDateOrNull(message.editedAt()))
        .append(
            EDITS,
            message.edits().stream()
                .map(
                    edit ->
                        new Document(TEXT, edit.text())
                            .append("replacedAt", MongoSchema.toDate(edit.replacedAt())))
                .toList())
        .append(REACTION, message.reaction() == null ? null : message.reaction().name())
        .append(USAGE, usage(message.usage()))
        .append(
            UPDATED_AT,
            MongoSchema.toDate(
                message.editedAt() != null ? message.editedAt() : message.createdAt()))
        .append(SCHEMA_VERSION, MongoSchema.CURRENT_SCHEMA_VERSION);
  }

  /** The message a stored document describes; older documents lack the optional fields. */
  public static Message toDomain(Document document) {
    String authorId = document.getString(AUTHOR_ID);
    String reaction = document.getString(REACTION);
    Document usage = document.get(USAGE, Document.class);
    return new Message(
        new MessageId(document.getString(ID)),
        new ConversationId(document.getString(CONVERSATION_ID)),
        new WorkspaceId(document.getString(WORKSPACE_ID)),
        MessageAuthor.valueOf(document.getString(AUTHOR)),
        authorId == null ? null : new UserId(authorId),
        document.getString(TEXT),
        MongoSchema.toInstant(document.getDate(CREATED_AT)),
        MongoSchema.toInstantOrNull(document.getDate(EDITED_AT)),
        document.getList(EDITS, Document.class, List.of()).stream()
            .map(
                edit ->
                    new MessageEdit(
                        edit.getString(TEXT), MongoSchema.toInstant(edit.getDate("replacedAt"))))
            .toList(),
        reaction == null ? null : Reaction.valueOf(reaction),
        usage == null
            ? null
            : new ModelUsage(
                usage.getString("provider"),
                usage.getString("model"),
                usage.get("inputTokens", Number.class).longValue(),
                usage.get("outputTokens", Number.class).longValue(),
                usage.get("costMicros", Number.class).longValue()));
  }

  private static Document usage(ModelUsage usage) {
    return usage == null
        ? null
        : new Document("provider", usage.provider())
            .append("model", usage.model())
            .append("inputTokens", usage.inputTokens())
            .append("outputTokens", usage.outputTokens())
            .append("costMicros", usage.costMicros());
  }
}
