package com.minichat.adapters.mongo.conversation;

import com.minichat.adapters.mongo.CursorPages;
import com.minichat.adapters.mongo.MongoErrors;
import com.minichat.adapters.mongo.MongoSchema;
import com.minichat.application.port.out.conversation.ConversationRepository;
import com.minichat.domain.common.NotFoundException;
import com.minichat.domain.common.Page;
import com.minichat.domain.common.PageRequest;
import com.minichat.domain.conversation.Conversation;
import com.minichat.domain.conversation.ConversationId;
import com.minichat.domain.workspace.WorkspaceId;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.util.Objects;
import java.util.Optional;
import org.bson.Document;

/** {@link ConversationRepository} on the {@code conversations} collection. */
public final class MongoConversationRepository implements ConversationRepository {
  private final MongoCollection<Document> conversations;

  /** A repository on {@code database}, which must have been migrated. */
  public MongoConversationRepository(MongoDatabase database) {
    this.conversations =
        Objects.requireNonNull(database, "database").getCollection(MongoSchema.CONVERSATIONS);
  }

  @Override
  public void insert(Conversation conversation) {
    Document document = ConversationDocumentMapper.toDocument(conversation);
    MongoErrors.call(
        "insert conversation",
        "A conversation with this id already exists",
        () -> conversations.insertOne(document));
  }

  @Override
  public void update(Conversation conversation) {
    Document document = ConversationDocumentMapper.toDocument(conversation);
    long matched =
        MongoErrors.call(
                "update conversation",
                () ->
                    conversations.replaceOne(
                        Filters.eq(MongoSchema.ID, conversation.id().value()), document))
            .getMatchedCount();
    if (matched == 0) {
      throw new NotFoundException("Conversation not found");
    }
  }

  @Override
  public Optional<Conversation> findById(ConversationId id) {
    Document found =
        MongoErrors.call(
            "find conversation by id",
            () ->
                conversations
                    .find(Filters.eq(MongoSchema.ID, id.value()))
                    .projection(ConversationDocumentMapper.PROJECTION)
                    .first());
    return Optional.ofNullable(found).map(ConversationDocumentMapper::toDomain);
  }

  @Override
  public Page<Conversation> findByWorkspace(WorkspaceId workspaceId, PageRequest page) {
    return CursorPages.page(
        conversations,
        "find conversations by workspace",
        Filters.eq(ConversationDocumentMapper.WORKSPACE_ID, workspaceId.value()),
        ConversationDocumentMapper.PROJECTION,
        page,
        ConversationDocumentMapper::toDomain,
        Conversation::createdAt,
        conversation -> conversation.id().value());
  }
}
