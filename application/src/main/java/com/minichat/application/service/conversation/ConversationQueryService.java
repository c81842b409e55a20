package com.minichat.application.service.conversation;

import com.minichat.application.port.in.conversation.QueryConversationsUseCase;
import com.minichat.application.port.out.conversation.ConversationRepository;
import com.minichat.application.port.out.conversation.MessageRepository;
import com.minichat.application.port.out.workspace.WorkspaceRepository;
import com.minichat.domain.common.NotFoundException;
import com.minichat.domain.common.Page;
import com.minichat.domain.common.PageRequest;
import com.minichat.domain.conversation.Conversation;
import com.minichat.domain.conversation.ConversationId;
import com.minichat.domain.conversation.Message;
import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.WorkspaceId;

/** Reads conversations for members of their workspace. */
public final class ConversationQueryService implements QueryConversationsUseCase {
  private final WorkspaceRepository workspaces;
  private final ConversationRepository conversations;
  private final MessageRepository messages;

  public ConversationQueryService(
      WorkspaceRepository workspaces,
      ConversationRepository conversations,
      MessageRepository messages) {
    this.workspaces = workspaces;
    this.conversations = conversations;
    this.messages = messages;
  }

  @Override
  public Page<Conversation> conversations(UserId actor, WorkspaceId workspaceId, PageRequest page) {
    requireMember(actor, workspaceId);
    return conversations.findByWorkspace(workspaceId, page);
  }

  @Override
  public Page<Message> messages(UserId actor, ConversationId conversationId, PageRequest page) {
    Conversation conversation =
        conversations
            .findById(conversationId)
            .orElseThrow(() -> new NotFoundException("Conversation not found"));
    requireMember(actor, conversation.workspaceId());
    return messages.findByConversation(conversationId, page);
  }

  private void requireMember(UserId actor, WorkspaceId workspaceId) {
    workspaces
        .findById(workspaceId)
        .filter(workspace -> workspace.isMember(actor))
        .orElseThrow(() -> new NotFoundException("Conversation not found"));
  }
}
