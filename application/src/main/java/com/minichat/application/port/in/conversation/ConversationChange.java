package com.minichat.application.port.in.conversation;

import com.minichat.domain.conversation.ConversationStatus;
import com.minichat.domain.user.UserId;
import java.util.Optional;

/**
 * What a team member changes on a conversation; {@code null} parts stay as they are.
 *
 * @param status the new status
 * @param aiPaused {@code true} takes the conversation over from the bot, {@code false} hands it
 *     back
 * @param assignee the member responsible, or {@link Optional#empty()} for nobody; {@code null}
 *     leaves the assignment as it is
 */
public record ConversationChange(
    ConversationStatus status, Boolean aiPaused, Optional<UserId> assignee) {

  /** A change of status or of who answers, leaving the assignment as it is. */
  public ConversationChange(ConversationStatus status, Boolean aiPaused) {
    this(status, aiPaused, null);
  }
}
