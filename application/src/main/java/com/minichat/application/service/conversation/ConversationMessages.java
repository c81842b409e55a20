package com.minichat.application.service.conversation;

import com.minichat.application.port.out.conversation.MessageRepository;
import com.minichat.application.port.out.event.EventBus;
import com.minichat.domain.common.ErrorCode;
import com.minichat.domain.common.ForbiddenException;
import com.minichat.domain.common.NotFoundException;
import com.minichat.domain.conversation.ConversationId;
import com.minichat.domain.conversation.Message;
import com.minichat.domain.conversation.MessageChanged;
import com.minichat.domain.conversation.MessageId;
import java.time.Instant;

/** Finding and changing a conversation's messages, the same for visitors and team members. */
public final class ConversationMessages {
  private ConversationMessages() {}

  /**
   * The message of this conversation; a message of any other is unknown.
   *
   * @throws NotFoundException when there is none
   */
  public static Message find(
      MessageRepository messages, ConversationId conversationId, MessageId messageId) {
    return messages
        .findById(messageId)
        .filter(found -> found.conversationId().equals(conversationId))
        .orElseThrow(() -> new NotFoundException("Message not found"));
  }

  /**
   * Stores {@code message} with {@code text}, the earlier text kept, and tells everyone watching;
   * the author has been checked. The same text again changes nothing.
   *
   * @throws ForbiddenException with {@code EDIT_WINDOW_CLOSED} after {@link Message#EDIT_WINDOW}
   */
  public static Message edit(
      MessageRepository messages, EventBus events, Message message, String text, Instant now) {
    if (text != null && message.text().equals(text.strip())) {
      return message;
    }
    if (!message.editableAt(now)) {
      throw new ForbiddenException(
          ErrorCode.EDIT_WINDOW_CLOSED,
          "A message can be changed only within "
              + Message.EDIT_WINDOW.toMinutes()
              + " minutes of sending it");
    }
    Message edited = message.edited(text, now);
    messages.update(edited);
    events.publish(MessageChanged.of(edited, now));
    return edited;
  }
}
