package com.minichat.application.fake;

import static com.minichat.application.fake.InMemoryPaging.millis;
import static com.minichat.application.fake.InMemoryPaging.millisOrNull;

import com.minichat.application.port.out.conversation.ConversationRepository;
import com.minichat.domain.common.ConflictException;
import com.minichat.domain.common.NotFoundException;
import com.minichat.domain.common.Page;
import com.minichat.domain.common.PageRequest;
import com.minichat.domain.conversation.Conversation;
import com.minichat.domain.conversation.ConversationId;
import com.minichat.domain.conversation.Receipts;
import com.minichat.domain.workspace.WorkspaceId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Thread-safe in-memory {@link ConversationRepository} with the same semantics as the real
 * adapters: unique ids, cursor pages by creation time then id, millisecond instants.
 */
public final class InMemoryConversationRepository implements ConversationRepository {
  private final Map<ConversationId, Conversation> conversations = new LinkedHashMap<>();

  @Override
  public synchronized void insert(Conversation conversation) {
    Objects.requireNonNull(conversation, "conversation");
    if (conversations.containsKey(conversation.id())) {
      throw new ConflictException("A conversation with this id already exists");
    }
    conversations.put(conversation.id(), stored(conversation));
  }

  @Override
  public synchronized void update(Conversation conversation) {
    if (!conversations.containsKey(conversation.id())) {
      throw new NotFoundException("Conversation not found");
    }
    conversations.put(conversation.id(), stored(conversation));
  }

  /** As a store keeps it: instants to the millisecond. */
  private static Conversation stored(Conversation conversation) {
    Receipts receipts = conversation.receipts();
    return new Conversation(
        conversation.id(),
        conversation.workspaceId(),
        conversation.visitorId(),
        conversation.status(),
        conversation.visitor(),
        conversation.aiPaused(),
        conversation.humanRequested(),
        new Receipts(
            millisOrNull(receipts.visitorDeliveredUpTo()),
            millisOrNull(receipts.visitorSeenUpTo()),
            millisOrNull(receipts.teamDeliveredUpTo()),
            millisOrNull(receipts.teamSeenUpTo())),
        conversation.assigneeId(),
        millis(conversation.createdAt()),
        millis(conversation.updatedAt()));
  }

  @Override
  public synchronized Optional<Conversation> findById(ConversationId id) {
    return Optional.ofNullable(conversations.get(id));
  }

  @Override
  public synchronized Page<Conversation> findByWorkspace(
      WorkspaceId workspaceId, PageRequest page) {
    return InMemoryPaging.page(
        conversations.values().stream()
            .filter(conversation -> conversation.workspaceId().equals(workspaceId))
            .toList(),
        Conversation::createdAt,
        conversation -> conversation.id().value(),
        page);
  }

  /** Every stored conversation in insertion order; for assertions in tests. */
  public synchronized List<Conversation> all() {
    return List.copyOf(conversations.values());
  }
}
