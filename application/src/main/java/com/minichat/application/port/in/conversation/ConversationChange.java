package com.minichat.application.port.in.conversation;

import com.minichat.domain.conversation.ConversationStatus;

/**
 * What a team member changes on a conversation; {@code null} parts stay as they are.
 *
 * @param status the new status
 * @param aiPaused {@code true} takes the conversation over from the bot, {@code false} hands it
 *     back
 */
public record ConversationChange(ConversationStatus status, Boolean aiPaused) {}
