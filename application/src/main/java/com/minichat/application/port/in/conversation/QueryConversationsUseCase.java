package com.minichat.application.port.in.conversation;

import com.minichat.domain.access.Actor;
import com.minichat.domain.common.Page;
import com.minichat.domain.common.PageRequest;
import com.minichat.domain.conversation.Conversation;
import com.minichat.domain.conversation.ConversationId;
import com.minichat.domain.conversation.Message;
import com.minichat.domain.conversation.MessageId;
import com.minichat.domain.workspace.WorkspaceId;

/**
 * Read access to conversations for team members and API keys with the read scope. Objects outside
 * the actor's workspaces give {@link com.minichat.domain.common.NotFoundException}.
 */
public interface QueryConversationsUseCase {
  /** A workspace's conversations, oldest first. */
  Page<Conversation> conversations(Actor actor, WorkspaceId workspaceId, PageRequest page);

  /** One conversation. */
  Conversation conversation(Actor actor, ConversationId conversationId);

  /** One message of a conversation. */
  Message message(Actor actor, ConversationId conversationId, MessageId messageId);

  /** A conversation's messages, oldest first. */
  Page<Message> messages(Actor actor, ConversationId conversationId, PageRequest page);
}
