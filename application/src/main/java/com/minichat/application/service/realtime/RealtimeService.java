package com.minichat.application.service.realtime;

import com.minichat.application.port.in.realtime.RealtimeUseCase;
import com.minichat.application.port.in.widget.VisitorAccess;
import com.minichat.application.port.in.widget.VisitorConversationUseCase;
import com.minichat.application.port.out.conversation.ConversationRepository;
import com.minichat.application.port.out.event.EventBus;
import com.minichat.application.service.workspace.WorkspaceAccess;
import com.minichat.domain.access.Actor;
import com.minichat.domain.access.UserActor;
import com.minichat.domain.common.NotFoundException;
import com.minichat.domain.conversation.Conversation;
import com.minichat.domain.conversation.ConversationEvent;
import com.minichat.domain.conversation.ConversationId;
import com.minichat.domain.conversation.MessageAuthor;
import com.minichat.domain.conversation.Presence;
import com.minichat.domain.conversation.Typing;
import com.minichat.domain.team.Permission;
import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.WorkspaceId;
import java.time.Clock;
import java.util.function.Consumer;

/** Passes live signals to the event bus after checking who sends them. */
public final class RealtimeService implements RealtimeUseCase {
  private final EventBus events;
  private final WorkspaceAccess access;
  private final ConversationRepository conversations;
  private final VisitorConversationUseCase visitors;
  private final Clock clock;

  public RealtimeService(
      EventBus events,
      WorkspaceAccess access,
      ConversationRepository conversations,
      VisitorConversationUseCase visitors,
      Clock clock) {
    this.events = events;
    this.access = access;
    this.conversations = conversations;
    this.visitors = visitors;
    this.clock = clock;
  }

  @Override
  public AutoCloseable listen(Consumer<ConversationEvent> listener) {
    return events.subscribe(listener);
  }

  @Override
  public boolean canWatch(Actor actor, WorkspaceId workspaceId) {
    try {
      access.require(actor, workspaceId, Permission.READ_WORKSPACE);
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }

  @Override
  public void typing(Actor actor, ConversationId conversationId, boolean typing) {
    Conversation conversation =
        conversations
            .findById(conversationId)
            .orElseThrow(() -> new NotFoundException("Conversation not found"));
    try {
      access.require(actor, conversation.workspaceId(), Permission.CHAT);
    } catch (NotFoundException e) {
      throw new NotFoundException("Conversation not found");
    }
    events.publish(
        new Typing(
            conversation.workspaceId(),
            conversationId,
            MessageAuthor.AGENT,
            person(actor),
            typing,
            clock.instant()));
  }

  @Override
  public void visitorTyping(VisitorAccess visitor, boolean typing) {
    Conversation conversation = visitors.conversation(visitor);
    events.publish(
        new Typing(
            conversation.workspaceId(),
            conversation.id(),
            MessageAuthor.VISITOR,
            null,
            typing,
            clock.instant()));
  }

  @Override
  public void teamPresence(Actor actor, WorkspaceId workspaceId, boolean online) {
    access.require(actor, workspaceId, Permission.READ_WORKSPACE);
    events.publish(
        new Presence(
            workspaceId, null, MessageAuthor.AGENT, person(actor), online, clock.instant()));
  }

  @Override
  public void visitorPresence(VisitorAccess visitor, boolean online) {
    Conversation conversation = visitors.conversation(visitor);
    events.publish(
        new Presence(
            conversation.workspaceId(),
            conversation.id(),
            MessageAuthor.VISITOR,
            null,
            online,
            clock.instant()));
  }

  private static UserId person(Actor actor) {
    return actor instanceof UserActor user ? user.userId() : null;
  }
}
