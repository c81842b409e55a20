package com.minichat.adapters.http;

import com.minichat.application.port.in.account.AuthenticateUserUseCase;
import com.minichat.application.port.in.account.PasswordUseCase;
import com.minichat.application.port.in.account.ProfileUseCase;
import com.minichat.application.port.in.account.RegistrationUseCase;
import com.minichat.application.port.in.account.SessionUseCase;
import com.minichat.application.port.in.account.TwoFactorUseCase;
import com.minichat.application.port.in.apikey.ApiKeyUseCase;
import com.minichat.application.port.in.apikey.AuthenticateApiKeyUseCase;
import com.minichat.application.port.in.audit.AuditLogUseCase;
import com.minichat.application.port.in.chat.ServerChatUseCase;
import com.minichat.application.port.in.conversation.ConversationUseCase;
import com.minichat.application.port.in.conversation.QueryConversationsUseCase;
import com.minichat.application.port.in.email.ReadOutboxUseCase;
import com.minichat.application.port.in.health.CheckReadinessUseCase;
import com.minichat.application.port.in.modelserver.ModelServerUseCase;
import com.minichat.application.port.in.modelserver.ModelUploadUseCase;
import com.minichat.application.port.in.provider.ProviderChainUseCase;
import com.minichat.application.port.in.realtime.RealtimeUseCase;
import com.minichat.application.port.in.team.InvitationUseCase;
import com.minichat.application.port.in.team.TeamUseCase;
import com.minichat.application.port.in.webhook.WebhookUseCase;
import com.minichat.application.port.in.widget.VisitorConversationUseCase;
import com.minichat.application.port.in.widget.WidgetChatUseCase;
import com.minichat.application.port.in.workspace.ChangePlanUseCase;
import com.minichat.application.port.in.workspace.CreateWorkspaceUseCase;
import com.minichat.application.port.in.workspace.DeleteWorkspaceUseCase;
import com.minichat.application.port.in.workspace.QueryUsageUseCase;
import com.minichat.application.port.in.workspace.QueryWorkspacesUseCase;
import com.minichat.application.port.in.workspace.UpdateWorkspaceUseCase;
import com.minichat.application.port.in.workspace.WidgetPinUseCase;
import java.util.Optional;

/**
 * The use cases the HTTP API drives.
 *
 * @param outbox the development outbox; empty outside development or when SMTP is configured
 */
public record ApiUseCases(
    RegistrationUseCase registration,
    SessionUseCase sessions,
    AuthenticateUserUseCase authenticate,
    PasswordUseCase passwords,
    TwoFactorUseCase twoFactor,
    ProfileUseCase profile,
    AuditLogUseCase auditLog,
    CreateWorkspaceUseCase createWorkspace,
    UpdateWorkspaceUseCase updateWorkspace,
    QueryWorkspacesUseCase queryWorkspaces,
    DeleteWorkspaceUseCase deleteWorkspace,
    ChangePlanUseCase plans,
    QueryUsageUseCase usage,
    WidgetPinUseCase widgetPin,
    TeamUseCase team,
    InvitationUseCase invitations,
    ApiKeyUseCase apiKeys,
    ProviderChainUseCase providers,
    ModelServerUseCase modelServers,
    ModelUploadUseCase modelUploads,
    WebhookUseCase webhooks,
    AuthenticateApiKeyUseCase authenticateApiKey,
    WidgetChatUseCase widgetChat,
    VisitorConversationUseCase visitorConversations,
    QueryConversationsUseCase queryConversations,
    ConversationUseCase conversations,
    ServerChatUseCase serverChat,
    RealtimeUseCase realtime,
    CheckReadinessUseCase readiness,
    Optional<ReadOutboxUseCase> outbox) {}
