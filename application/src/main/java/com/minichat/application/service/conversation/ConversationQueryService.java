package com.minichat.application.service.conversation;

import com.minichat.application.port.in.conversation.QueryConversationsUseCase;
import com.minichat.application.port.out.conversation.ConversationRepository;
import com.minichat.application.port.out.conversation.MessageRepository;
import com.minichat.application.service.workspace.WorkspaceAccess;
import com.minichat.domain.access.Actor;
import com.minichat.domain.common.NotFoundException;
import com.minichat.domain.common.Page;
import com.minichat.domain.common.PageRequest;
import com.minichat.domain.conversation.Conversation;
import com.minichat.domain.conversation.ConversationId;
import com.minichat.domain.conversation.Message;
import com.minichat.domain.team.Permission;
import com.minichat.domain.workspace.WorkspaceId;

/** Reads conversations for members of their workspace. */
public final class ConversationQueryService implements QueryConversationsUseCase {
  private final WorkspaceAccess access;
  private final ConversationRepository conversations;
  private final MessageRepository messages;

  public ConversationQueryService(
      WorkspaceAccess access, ConversationRepository conversations, MessageRepository messages) {
    this.access = access;
    this.conversations = conversations;
    this.messages = messages;
  }

  @Override
  public Page<Conversation> conversations(Actor actor, WorkspaceId workspaceId, PageRequest page) {
    requireAccess(actor, workspaceId);
    return conversations.findByWorkspace(workspaceId, page);
  }

  @Override
  public Page<Message> messages(Actor actor, ConversationId conversationId, PageRequest page) {
    Conversation conversation =
        conversations
            .findById(conversationId)
            .orElseThrow(() -> new NotFoundException("Conversation not found"));
    requireAccess(actor, conversation.workspaceId());
    return messages.findByConversation(conversationId, page);
  }

  /** Outsiders get the same answer as for an unknown conversation. */
  private void requireAccess(Actor actor, WorkspaceId workspaceId) {
    try {
      access.require(actor, workspaceId, Permission.READ_WORKSPACE);
    } catch (NotFoundException e) {
      throw new NotFoundException("Conversation not found");
    }
  }
}
