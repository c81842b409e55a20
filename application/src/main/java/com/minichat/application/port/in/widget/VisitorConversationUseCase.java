package com.minichat.application.port.in.widget;

import com.minichat.domain.conversation.Conversation;
import com.minichat.domain.conversation.Message;
import com.minichat.domain.conversation.MessageId;
import com.minichat.domain.conversation.Reaction;
import com.minichat.domain.conversation.Receipts;

/** What a visitor may do in their conversation besides writing: all need the visitor token. */
public interface VisitorConversationUseCase {
  /** The visitor's conversation. */
  Conversation conversation(VisitorAccess access);

  /** One message of the visitor's conversation. */
  Message message(VisitorAccess access, MessageId messageId);

  /**
   * Records what the visitor tells about themselves; every part is optional.
   *
   * @throws com.minichat.domain.common.ValidationException naming each wrong field
   */
  Conversation identify(VisitorAccess access, String name, String email, String phone);

  /** The visitor asks for a person: the conversation is flagged and opened for the team. */
  Conversation requestHuman(VisitorAccess access);

  /**
   * The visitor's verdict on one of the bot's answers; {@code null} takes it back.
   *
   * @throws com.minichat.domain.common.ValidationException when the message is not an AI answer
   */
  Message react(VisitorAccess access, MessageId messageId, Reaction reaction);

  /**
   * Changes the text of one of the visitor's own messages within {@link Message#EDIT_WINDOW}.
   *
   * @throws com.minichat.domain.common.ForbiddenException with {@code EDIT_WINDOW_CLOSED} when it
   *     is too late, or {@code FORBIDDEN} for a message the visitor did not write
   */
  Message edit(VisitorAccess access, MessageId messageId, String text);

  /** Records that the visitor received or saw the team's and bot's messages up to {@code upTo}. */
  Conversation receipt(VisitorAccess access, Receipts.Kind kind, MessageId upTo);
}
