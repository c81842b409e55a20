package com.minichat.application.port.out.security;

import com.minichat.domain.conversation.ConversationId;
import com.minichat.domain.workspace.WorkspaceId;

/** What a verified visitor token proves: the holder may use this one conversation. */
public record VisitorClaims(WorkspaceId workspaceId, ConversationId conversationId) {}
