package com.minichat.application.port.in.widget;

import com.minichat.domain.conversation.ConversationId;
import com.minichat.domain.workspace.WidgetKey;

/**
 * What a widget request presents: the public widget key, the conversation and the visitor token
 * issued when it started.
 */
public record VisitorAccess(
    WidgetKey widgetKey, ConversationId conversationId, String visitorToken) {}
