package com.minichat.application.port.in.conversation;

import com.minichat.domain.common.Page;
import com.minichat.domain.common.PageRequest;
import com.minichat.domain.conversation.Conversation;
import com.minichat.domain.conversation.ConversationId;
import com.minichat.domain.conversation.Message;
import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.WorkspaceId;

/**
 * The team's read access to conversations. Objects outside the caller's workspaces give {@link
 * com.minichat.domain.common.NotFoundException}.
 */
public interface QueryConversationsUseCase {
  /** A workspace's conversations, oldest first. */
  Page<Conversation> conversations(UserId actor, WorkspaceId workspaceId, PageRequest page);

  /** A conversation's messages, oldest first. */
  Page<Message> messages(UserId actor, ConversationId conversationId, PageRequest page);
}
