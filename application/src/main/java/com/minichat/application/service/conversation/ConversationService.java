package com.minichat.application.service.conversation;

import com.minichat.application.port.in.conversation.ConversationChange;
import com.minichat.application.port.in.conversation.ConversationUseCase;
import com.minichat.application.port.in.conversation.QueryConversationsUseCase;
import com.minichat.application.port.out.conversation.ConversationRepository;
import com.minichat.application.port.out.conversation.MessageRepository;
import com.minichat.application.port.out.event.EventBus;
import com.minichat.application.port.out.team.MembershipRepository;
import com.minichat.application.service.workspace.WorkspaceAccess;
import com.minichat.domain.access.Actor;
import com.minichat.domain.access.UserActor;
import com.minichat.domain.common.ForbiddenException;
import com.minichat.domain.common.NotFoundException;
import com.minichat.domain.common.Page;
import com.minichat.domain.common.PageRequest;
import com.minichat.domain.common.ValidationException;
import com.minichat.domain.conversation.Conversation;
import com.minichat.domain.conversation.ConversationChanged;
import com.minichat.domain.conversation.ConversationId;
import com.minichat.domain.conversation.Message;
import com.minichat.domain.conversation.MessageAuthor;
import com.minichat.domain.conversation.MessageId;
import com.minichat.domain.conversation.MessagePosted;
import com.minichat.domain.conversation.Receipts;
import com.minichat.domain.team.Permission;
import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.WorkspaceId;
import java.time.Clock;

/** The team's view of conversations: reading, answering, taking over, status, edits, receipts. */
public final class ConversationService implements QueryConversationsUseCase, ConversationUseCase {
  private final WorkspaceAccess access;
  private final ConversationRepository conversations;
  private final MessageRepository messages;
  private final MembershipRepository memberships;
  private final EventBus events;
  private final Clock clock;

  public ConversationService(
      WorkspaceAccess access,
      ConversationRepository conversations,
      MessageRepository messages,
      MembershipRepository memberships,
      EventBus events,
      Clock clock) {
    this.access = access;
    this.conversations = conversations;
    this.messages = messages;
    this.memberships = memberships;
    this.events = events;
    this.clock = clock;
  }

  @Override
  public Page<Conversation> conversations(Actor actor, WorkspaceId workspaceId, PageRequest page) {
    requireAccess(actor, workspaceId, Permission.READ_WORKSPACE);
    return conversations.findByWorkspace(workspaceId, page);
  }

  @Override
  public Conversation conversation(Actor actor, ConversationId conversationId) {
    return find(actor, conversationId, Permission.READ_WORKSPACE);
  }

  @Override
  public Page<Message> messages(Actor actor, ConversationId conversationId, PageRequest page) {
    find(actor, conversationId, Permission.READ_WORKSPACE);
    return messages.findByConversation(conversationId, page);
  }

  @Override
  public Message reply(Actor actor, ConversationId conversationId, String text) {
    Conversation conversation = find(actor, conversationId, Permission.CHAT);
    Message answer = Message.byAgent(conversation, person(actor), text, clock.instant());
    messages.insert(answer);
    Conversation answered = conversation.humanAnswered(clock.instant());
    conversations.update(answered);
    events.publish(MessagePosted.of(answer));
    events.publish(ConversationChanged.of(answered));
    return answer;
  }

  @Override
  public Conversation change(
      Actor actor, ConversationId conversationId, ConversationChange change) {
    Conversation conversation = find(actor, conversationId, Permission.CHAT);
    Conversation changed = conversation;
    if (change.status() != null) {
      changed = changed.withStatus(change.status(), clock.instant());
    }
    if (change.aiPaused() != null) {
      changed = changed.withAiPaused(change.aiPaused(), clock.instant());
    }
    if (change.assignee() != null) {
      UserId assignee = change.assignee().orElse(null);
      if (assignee != null && memberships.find(conversation.workspaceId(), assignee).isEmpty()) {
        throw new ValidationException("assigneeId", "must be a member of the workspace");
      }
      changed = changed.assignedTo(assignee, clock.instant());
    }
    if (!changed.equals(conversation)) {
      conversations.update(changed);
      events.publish(ConversationChanged.of(changed));
    }
    return changed;
  }

  @Override
  public Message edit(
      Actor actor, ConversationId conversationId, MessageId messageId, String text) {
    find(actor, conversationId, Permission.CHAT);
    Message message = ConversationMessages.find(messages, conversationId, messageId);
    UserId editor = person(actor);
    if (message.author() != MessageAuthor.AGENT
        || editor == null
        || !editor.equals(message.authorId())) {
      throw new ForbiddenException("Only the team member who wrote a message may change it");
    }
    return ConversationMessages.edit(messages, events, message, text, clock.instant());
  }

  @Override
  public Conversation receipt(
      Actor actor, ConversationId conversationId, Receipts.Kind kind, MessageId upTo) {
    Conversation conversation = find(actor, conversationId, Permission.READ_WORKSPACE);
    Message last = ConversationMessages.find(messages, conversationId, upTo);
    Conversation marked =
        conversation.withReceipts(
            conversation.receipts().byTeam(kind, last.createdAt()), clock.instant());
    conversations.update(marked);
    events.publish(ConversationChanged.of(marked));
    return marked;
  }

  @Override
  public Message message(Actor actor, ConversationId conversationId, MessageId messageId) {
    find(actor, conversationId, Permission.READ_WORKSPACE);
    return ConversationMessages.find(messages, conversationId, messageId);
  }

  private Conversation find(Actor actor, ConversationId conversationId, Permission permission) {
    Conversation conversation =
        conversations
            .findById(conversationId)
            .orElseThrow(() -> new NotFoundException("Conversation not found"));
    requireAccess(actor, conversation.workspaceId(), permission);
    return conversation;
  }

  /** Outsiders get the same answer as for an unknown conversation. */
  private void requireAccess(Actor actor, WorkspaceId workspaceId, Permission permission) {
    try {
      access.require(actor, workspaceId, permission);
    } catch (NotFoundException e) {
      throw new NotFoundException("Conversation not found");
    }
  }

  /** The person acting; {@code null} for an API key. */
  private static UserId person(Actor actor) {
    return actor instanceof UserActor user ? user.userId() : null;
  }
}
