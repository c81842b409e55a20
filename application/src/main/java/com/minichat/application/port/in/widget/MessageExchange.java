package com.minichat.application.port.in.widget;

import com.minichat.domain.conversation.Message;

/** The visitor's stored message and the bot's stored reply. */
public record MessageExchange(Message message, Message reply) {}
