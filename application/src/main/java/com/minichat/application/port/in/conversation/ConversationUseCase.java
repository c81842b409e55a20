package com.minichat.application.port.in.conversation;

import com.minichat.domain.access.Actor;
import com.minichat.domain.conversation.Conversation;
import com.minichat.domain.conversation.ConversationId;
import com.minichat.domain.conversation.Message;
import com.minichat.domain.conversation.MessageId;
import com.minichat.domain.conversation.Receipts;

/**
 * The team's side of a conversation: answering, taking over from the bot, status, edits and
 * receipts. Members (and API keys with the {@code write} scope) may do all of it; outsiders get
 * {@code NOT_FOUND} as for an unknown conversation.
 */
public interface ConversationUseCase {
  /**
   * Posts a team member's answer. The bot pauses for this conversation until the team hands it
   * back, and a visitor's request for a person counts as met.
   */
  Message reply(Actor actor, ConversationId conversationId, String text);

  /** Changes the status or who answers; see {@link ConversationChange}. */
  Conversation change(Actor actor, ConversationId conversationId, ConversationChange change);

  /**
   * Changes the text of the actor's own message within {@link Message#EDIT_WINDOW}; the earlier
   * text is kept.
   *
   * @throws com.minichat.domain.common.ForbiddenException with {@code EDIT_WINDOW_CLOSED} when it
   *     is too late, or {@code FORBIDDEN} for someone else's message
   */
  Message edit(Actor actor, ConversationId conversationId, MessageId messageId, String text);

  /** Records that the team received or saw the visitor's messages up to {@code upTo}. */
  Conversation receipt(
      Actor actor, ConversationId conversationId, Receipts.Kind kind, MessageId upTo);
}
