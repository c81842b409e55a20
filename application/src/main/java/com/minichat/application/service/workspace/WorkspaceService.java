package com.minichat.application.service.workspace;

import com.minichat.application.port.in.workspace.CreateWorkspaceUseCase;
import com.minichat.application.port.in.workspace.QueryWorkspacesUseCase;
import com.minichat.application.port.in.workspace.UpdateWorkspaceUseCase;
import com.minichat.application.port.in.workspace.WorkspaceSettings;
import com.minichat.application.port.out.workspace.WorkspaceRepository;
import com.minichat.domain.common.ValidationException;
import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.WidgetKey;
import com.minichat.domain.workspace.Workspace;
import com.minichat.domain.workspace.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creating, reading and changing workspaces, limited to their members. */
public final class WorkspaceService
    implements CreateWorkspaceUseCase, UpdateWorkspaceUseCase, QueryWorkspacesUseCase {
  private static final Logger LOG = LoggerFactory.getLogger(WorkspaceService.class);

  private final WorkspaceRepository workspaces;
  private final WorkspaceAccess access;
  private final Clock clock;

  public WorkspaceService(WorkspaceRepository workspaces, WorkspaceAccess access, Clock clock) {
    this.workspaces = workspaces;
    this.access = access;
    this.clock = clock;
  }

  @Override
  public Workspace create(UserId ownerId, WorkspaceSettings settings) {
    Instant now = clock.instant();
    Workspace workspace =
        new Workspace(
            WorkspaceId.generate(),
            settings.name(),
            ownerId,
            WidgetKey.generate(),
            settings.welcomeMessage(),
            settings.systemPrompt(),
            settings.faq(),
            settings.allowedDomains(),
            Objects.requireNonNullElse(
                settings.dataRetentionDays(), Workspace.DEFAULT_RETENTION_DAYS),
            requireTwoFactor(ownerId, settings, false),
            now,
            now);
    workspaces.insert(workspace);
    LOG.info("workspace created workspaceId={}", workspace.id().value());
    return workspace;
  }

  @Override
  public Workspace update(UserId actor, WorkspaceId workspaceId, WorkspaceSettings settings) {
    Workspace current = get(actor, workspaceId);
    Workspace updated =
        new Workspace(
            current.id(),
            Objects.requireNonNullElse(settings.name(), current.name()),
            current.ownerId(),
            current.widgetKey(),
            Objects.requireNonNullElse(settings.welcomeMessage(), current.welcomeMessage()),
            Objects.requireNonNullElse(settings.systemPrompt(), current.systemPrompt()),
            Objects.requireNonNullElse(settings.faq(), current.faq()),
            Objects.requireNonNullElse(settings.allowedDomains(), current.allowedDomains()),
            Objects.requireNonNullElse(settings.dataRetentionDays(), current.dataRetentionDays()),
            requireTwoFactor(actor, settings, current.requireTwoFactor()),
            current.createdAt(),
            clock.instant());
    workspaces.update(updated);
    return updated;
  }

  @Override
  public List<Workspace> list(UserId actor) {
    return workspaces.findByOwner(actor);
  }

  @Override
  public Workspace get(UserId actor, WorkspaceId workspaceId) {
    return access.require(actor, workspaceId);
  }

  /** Turning the requirement on is refused to someone it would lock out. */
  private boolean requireTwoFactor(UserId actor, WorkspaceSettings settings, boolean current) {
    boolean wanted = Objects.requireNonNullElse(settings.requireTwoFactor(), current);
    if (wanted && !current && !access.hasTwoFactor(actor)) {
      throw new ValidationException(
          "requireTwoFactor", "turn on two-factor authentication for your own account first");
    }
    return wanted;
  }
}
