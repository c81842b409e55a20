package com.minichat.application.port.in.widget;

import com.minichat.domain.conversation.Message;

/**
 * A visitor's stored message and the bot's stored reply.
 *
 * @param reply {@code null} when a person has taken over the conversation: the team answers
 */
public record MessageExchange(Message message, Message reply) {}
