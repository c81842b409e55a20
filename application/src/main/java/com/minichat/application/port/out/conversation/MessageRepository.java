package com.minichat.application.port.out.conversation;

import com.minichat.domain.common.Page;
import com.minichat.domain.common.PageRequest;
import com.minichat.domain.conversation.ConversationId;
import com.minichat.domain.conversation.Message;
import java.util.List;

/** Stores messages. Infrastructure failures surface as {@code UpstreamUnavailableException}. */
public interface MessageRepository {
  void insert(Message message);

  /** A conversation's messages in the order they were written (creation time, then id). */
  Page<Message> findByConversation(ConversationId conversationId, PageRequest page);

  /** The newest {@code limit} messages of a conversation, returned oldest first. */
  List<Message> findRecent(ConversationId conversationId, int limit);
}
