package com.minichat.application.fake;

import static com.minichat.application.fake.InMemoryPaging.millis;
import static com.minichat.application.fake.InMemoryPaging.millisOrNull;

import com.minichat.application.port.out.conversation.MessageRepository;
import com.minichat.domain.common.ConflictException;
import com.minichat.domain.common.NotFoundException;
import com.minichat.domain.common.Page;
import com.minichat.domain.common.PageRequest;
import com.minichat.domain.conversation.ConversationId;
import com.minichat.domain.conversation.Message;
import com.minichat.domain.conversation.MessageEdit;
import com.minichat.domain.conversation.MessageId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Thread-safe in-memory {@link MessageRepository} with the same semantics as the real adapters:
 * unique ids, cursor pages by creation time then id, millisecond instants, and {@link #findRecent}
 * returning nothing for a limit below one.
 */
public final class InMemoryMessageRepository implements MessageRepository {
  private static final Comparator<Message> WRITTEN_ORDER =
      Comparator.comparing(Message::createdAt).thenComparing(message -> message.id().value());

  private final Map<MessageId, Message> messages = new LinkedHashMap<>();

  @Override
  public synchronized void insert(Message message) {
    Objects.requireNonNull(message, "message");
    if (messages.containsKey(message.id())) {
      throw new ConflictException("A message with this id already exists");
    }
    messages.put(message.id(), stored(message));
  }

  @Override
  public synchronized void update(Message message) {
    if (!messages.containsKey(message.id())) {
      throw new NotFoundException("Message not found");
    }
    messages.put(message.id(), stored(message));
  }

  /** As a store keeps it: instants to the millisecond. */
  private static Message stored(Message message) {
    return new Message(
        message.id(),
        message.conversationId(),
        message.workspaceId(),
        message.author(),
        message.authorId(),
        message.text(),
        millis(message.createdAt()),
        millisOrNull(message.editedAt()),
        message.edits().stream()
            .map(edit -> new MessageEdit(edit.text(), millis(edit.replacedAt())))
            .toList(),
        message.reaction(),
        message.usage());
  }

  @Override
  public synchronized Page<Message> findByConversation(
      ConversationId conversationId, PageRequest page) {
    return InMemoryPaging.page(
        of(conversationId), Message::createdAt, message -> message.id().value(), page);
  }

  @Override
  public synchronized List<Message> findRecent(ConversationId conversationId, int limit) {
    if (limit < 1) {
      return List.of();
    }
    List<Message> ordered = of(conversationId).stream().sorted(WRITTEN_ORDER).toList();
    return List.copyOf(ordered.subList(Math.max(0, ordered.size() - limit), ordered.size()));
  }

  @Override
  public synchronized Optional<Message> findById(MessageId id) {
    return Optional.ofNullable(messages.get(id));
  }

  /** Every stored message in insertion order; for assertions in tests. */
  public synchronized List<Message> all() {
    return List.copyOf(messages.values());
  }

  private List<Message> of(ConversationId conversationId) {
    return messages.values().stream()
        .filter(message -> message.conversationId().equals(conversationId))
        .toList();
  }
}
