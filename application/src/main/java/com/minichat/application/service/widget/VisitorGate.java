package com.minichat.application.service.widget;

import com.minichat.application.port.in.widget.VisitorAccess;
import com.minichat.application.port.out.conversation.ConversationRepository;
import com.minichat.application.port.out.security.TokenService;
import com.minichat.application.port.out.security.VisitorClaims;
import com.minichat.application.port.out.workspace.WorkspaceRepository;
import com.minichat.domain.common.AuthenticationException;
import com.minichat.domain.common.NotFoundException;
import com.minichat.domain.conversation.Conversation;
import com.minichat.domain.workspace.WidgetKey;
import com.minichat.domain.workspace.Workspace;

/** Who a widget request is for: the widget's workspace and the conversation its token names. */
final class VisitorGate {
  private final WorkspaceRepository workspaces;
  private final ConversationRepository conversations;
  private final TokenService tokens;

  VisitorGate(
      WorkspaceRepository workspaces, ConversationRepository conversations, TokenService tokens) {
    this.workspaces = workspaces;
    this.conversations = conversations;
    this.tokens = tokens;
  }

  /** The workspace behind a widget key. */
  Workspace widget(WidgetKey widgetKey) {
    return workspaces
        .findByWidgetKey(widgetKey)
        .orElseThrow(() -> new NotFoundException("Widget not found"));
  }

  /** The conversation the visitor may use; the token must name it and the widget's workspace. */
  Conversation conversation(VisitorAccess access) {
    if (access.visitorToken() == null || access.visitorToken().isBlank()) {
      throw new AuthenticationException("A visitor token is required");
    }
    VisitorClaims claims = tokens.verifyVisitorToken(access.visitorToken());
    Workspace workspace = widget(access.widgetKey());
    if (!claims.workspaceId().equals(workspace.id())
        || !claims.conversationId().equals(access.conversationId())) {
      throw new AuthenticationException("The visitor token is not valid for this conversation");
    }
    return conversations
        .findById(access.conversationId())
        .filter(found -> found.workspaceId().equals(workspace.id()))
        .orElseThrow(() -> new NotFoundException("Conversation not found"));
  }
}
