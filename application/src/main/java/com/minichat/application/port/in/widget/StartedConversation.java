package com.minichat.application.port.in.widget;

import com.minichat.domain.conversation.Conversation;

/** A new widget conversation and the token its visitor must present from now on. */
public record StartedConversation(Conversation conversation, String visitorToken) {}
