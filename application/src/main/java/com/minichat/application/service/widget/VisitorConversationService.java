package com.minichat.application.service.widget;

import com.minichat.application.port.in.widget.VisitorAccess;
import com.minichat.application.port.in.widget.VisitorConversationUseCase;
import com.minichat.application.port.out.conversation.ConversationRepository;
import com.minichat.application.port.out.conversation.MessageRepository;
import com.minichat.application.port.out.event.EventBus;
import com.minichat.application.port.out.security.TokenService;
import com.minichat.application.port.out.workspace.WorkspaceRepository;
import com.minichat.application.service.conversation.ConversationMessages;
import com.minichat.domain.common.ForbiddenException;
import com.minichat.domain.common.ValidationException;
import com.minichat.domain.conversation.Conversation;
import com.minichat.domain.conversation.ConversationChanged;
import com.minichat.domain.conversation.Message;
import com.minichat.domain.conversation.MessageAuthor;
import com.minichat.domain.conversation.MessageChanged;
import com.minichat.domain.conversation.MessageId;
import com.minichat.domain.conversation.Reaction;
import com.minichat.domain.conversation.Receipts;
import com.minichat.domain.conversation.VisitorProfile;
import java.time.Clock;

/** A visitor's own actions in their conversation besides writing. */
public final class VisitorConversationService implements VisitorConversationUseCase {
  private final VisitorGate gate;
  private final ConversationRepository conversations;
  private final MessageRepository messages;
  private final EventBus events;
  private final Clock clock;

  public VisitorConversationService(
      WorkspaceRepository workspaces,
      ConversationRepository conversations,
      MessageRepository messages,
      TokenService tokens,
      EventBus events,
      Clock clock) {
    this.gate = new VisitorGate(workspaces, conversations, tokens);
    this.conversations = conversations;
    this.messages = messages;
    this.events = events;
    this.clock = clock;
  }

  @Override
  public Conversation conversation(VisitorAccess access) {
    return gate.conversation(access);
  }

  @Override
  public Message message(VisitorAccess access, MessageId messageId) {
    return ConversationMessages.find(messages, gate.conversation(access).id(), messageId);
  }

  @Override
  public Conversation identify(VisitorAccess access, String name, String email, String phone) {
    Conversation conversation = gate.conversation(access);
    Conversation identified =
        conversation.identified(VisitorProfile.of(name, email, phone), clock.instant());
    return save(identified);
  }

  @Override
  public Conversation requestHuman(VisitorAccess access) {
    return save(gate.conversation(access).humanWanted(clock.instant()));
  }

  @Override
  public Message react(VisitorAccess access, MessageId messageId, Reaction reaction) {
    Message message =
        ConversationMessages.find(messages, gate.conversation(access).id(), messageId);
    if (message.author() != MessageAuthor.AI) {
      throw new ValidationException("messageId", "only the assistant's answers can be rated");
    }
    Message rated = message.withReaction(reaction);
    messages.update(rated);
    events.publish(MessageChanged.of(rated, clock.instant()));
    return rated;
  }

  @Override
  public Message edit(VisitorAccess access, MessageId messageId, String text) {
    Message message =
        ConversationMessages.find(messages, gate.conversation(access).id(), messageId);
    if (message.author() != MessageAuthor.VISITOR) {
      throw new ForbiddenException("Only your own messages can be changed");
    }
    return ConversationMessages.edit(messages, events, message, text, clock.instant());
  }

  @Override
  public Conversation receipt(VisitorAccess access, Receipts.Kind kind, MessageId upTo) {
    Conversation conversation = gate.conversation(access);
    Message last = ConversationMessages.find(messages, conversation.id(), upTo);
    return save(
        conversation.withReceipts(
            conversation.receipts().byVisitor(kind, last.createdAt()), clock.instant()));
  }

  private Conversation save(Conversation changed) {
    conversations.update(changed);
    events.publish(ConversationChanged.of(changed));
    return changed;
  }
}
