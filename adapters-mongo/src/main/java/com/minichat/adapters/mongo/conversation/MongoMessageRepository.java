package com.minichat.adapters.mongo.conversation;

import com.minichat.adapters.mongo.CursorPages;
import com.minichat.adapters.mongo.MongoErrors;
import com.minichat.adapters.mongo.MongoSchema;
import com.minichat.application.port.out.conversation.MessageRepository;
import com.minichat.domain.common.NotFoundException;
import com.minichat.domain.common.Page;
import com.minichat.domain.common.PageRequest;
import com.minichat.domain.conversation.ConversationId;
import com.minichat.domain.conversation.Message;
import com.minichat.domain.conversation.MessageId;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bson.Document;

/**
 * {@link MessageRepository} on the {@code messages} collection. {@link #findRecent} with a limit
 * below one returns an empty list (MongoDB would read a limit of 0 as "no limit").
 */
public final class MongoMessageRepository implements MessageRepository {
  private final MongoCollection<Document> messages;

  /** A repository on {@code database}, which must have been migrated. */
  public MongoMessageRepository(MongoDatabase database) {
    this.messages =
        Objects.requireNonNull(database, "database").getCollection(MongoSchema.MESSAGES);
  }

  @Override
  public void insert(Message message) {
    Document document = MessageDocumentMapper.toDocument(message);
    MongoErrors.call(
        "insert message",
        "A message with this id already exists",
        () -> messages.insertOne(document));
  }

  @Override
  public void update(Message message) {
    Document document = MessageDocumentMapper.toDocument(message);
    long matched =
        MongoErrors.call(
                "update message",
                () ->
                    messages.replaceOne(Filters.eq(MongoSchema.ID, message.id().value()), document))
            .getMatchedCount();
    if (matched == 0) {
      throw new NotFoundException("Message not found");
    }
  }

  @Override
  public Optional<Message> findById(MessageId id) {
    Document found =
        MongoErrors.call(
            "find message by id",
            () ->
                messages
                    .find(Filters.eq(MongoSchema.ID, id.value()))
                    .projection(MessageDocumentMapper.PROJECTION)
                    .first());
    return Optional.ofNullable(found).map(MessageDocumentMapper::toDomain);
  }

  @Override
  public Page<Message> findByConversation(ConversationId conversationId, PageRequest page) {
    return CursorPages.page(
        messages,
        "find messages by conversation",
        Filters.eq(MessageDocumentMapper.CONVERSATION_ID, conversationId.value()),
        MessageDocumentMapper.PROJECTION,
        page,
        MessageDocumentMapper::toDomain,
        Message::createdAt,
        message -> message.id().value());
  }

  @Override
  public List<Message> findRecent(ConversationId conversationId, int limit) {
    if (limit < 1) {
      return List.of();
    }
    List<Document> newestFirst =
        MongoErrors.call(
            "find recent messages",
            () ->
                messages
                    .find(Filters.eq(MessageDocumentMapper.CONVERSATION_ID, conversationId.value()))
                    .projection(MessageDocumentMapper.PROJECTION)
                    .sort(Sorts.descending(MongoSchema.CREATED_AT, MongoSchema.ID))
                    .limit(limit)
                    .into(new ArrayList<>()));
    return newestFirst.reversed().stream().map(MessageDocumentMapper::toDomain).toList();
  }
}
