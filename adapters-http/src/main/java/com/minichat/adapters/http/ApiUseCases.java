package com.minichat.adapters.http;

import com.minichat.application.port.in.account.AuthenticateUserUseCase;
import com.minichat.application.port.in.account.LogInUseCase;
import com.minichat.application.port.in.account.RegisterUserUseCase;
import com.minichat.application.port.in.conversation.QueryConversationsUseCase;
import com.minichat.application.port.in.health.CheckReadinessUseCase;
import com.minichat.application.port.in.widget.WidgetChatUseCase;
import com.minichat.application.port.in.workspace.CreateWorkspaceUseCase;
import com.minichat.application.port.in.workspace.QueryWorkspacesUseCase;
import com.minichat.application.port.in.workspace.UpdateWorkspaceUseCase;

/** The use cases the HTTP API drives. */
public record ApiUseCases(
    RegisterUserUseCase register,
    LogInUseCase logIn,
    AuthenticateUserUseCase authenticate,
    CreateWorkspaceUseCase createWorkspace,
    UpdateWorkspaceUseCase updateWorkspace,
    QueryWorkspacesUseCase queryWorkspaces,
    WidgetChatUseCase widgetChat,
    QueryConversationsUseCase queryConversations,
    CheckReadinessUseCase readiness) {}
