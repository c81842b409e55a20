package com.minichat.application.port.out.conversation;

import com.minichat.domain.common.Page;
import com.minichat.domain.common.PageRequest;
import com.minichat.domain.conversation.ConversationId;
import com.minichat.domain.conversation.Message;
import com.minichat.domain.conversation.MessageId;
import java.util.List;
import java.util.Optional;

/** Stores messages. Infrastructure failures surface as {@code UpstreamUnavailableException}. */
public interface MessageRepository {
  void insert(Message message);

  Optional<Message> findById(MessageId id);

  /**
   * Replaces the stored message with the same id (edits, reactions; the last write wins).
   *
   * @throws com.minichat.domain.common.NotFoundException when there is none
   */
  void update(Message message);

  /** A conversation's messages in the order they were written (creation time, then id). */
  Page<Message> findByConversation(ConversationId conversationId, PageRequest page);

  /** The newest {@code limit} messages of a conversation, returned oldest first. */
  List<Message> findRecent(ConversationId conversationId, int limit);
}
