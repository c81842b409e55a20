package com.minichat.application.service.workspace;

import com.minichat.application.port.in.workspace.CreateWorkspaceUseCase;
import com.minichat.application.port.in.workspace.DeleteWorkspaceUseCase;
import com.minichat.application.port.in.workspace.MemberWorkspace;
import com.minichat.application.port.in.workspace.QueryWorkspacesUseCase;
import com.minichat.application.port.in.workspace.UpdateWorkspaceUseCase;
import com.minichat.application.port.in.workspace.WorkspaceSettings;
import com.minichat.application.port.out.team.MembershipRepository;
import com.minichat.application.port.out.workspace.DeletedWorkspace;
import com.minichat.application.port.out.workspace.WorkspaceRepository;
import com.minichat.domain.access.Actor;
import com.minichat.domain.access.UserActor;
import com.minichat.domain.common.FieldViolation;
import com.minichat.domain.common.NotFoundException;
import com.minichat.domain.common.Page;
import com.minichat.domain.common.PageRequest;
import com.minichat.domain.common.ValidationException;
import com.minichat.domain.team.Membership;
import com.minichat.domain.team.Permission;
import com.minichat.domain.team.Role;
import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.Plan;
import com.minichat.domain.workspace.WidgetKey;
import com.minichat.domain.workspace.Workspace;
import com.minichat.domain.workspace.WorkspaceId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creating, reading, changing, deleting and restoring workspaces, within the team's roles. */
public final class WorkspaceService
    implements CreateWorkspaceUseCase,
        UpdateWorkspaceUseCase,
        QueryWorkspacesUseCase,
        DeleteWorkspaceUseCase {
  /** How long a deleted workspace can be restored. */
  public static final Duration RESTORE_PERIOD = Duration.ofDays(30);

  private static final Logger LOG = LoggerFactory.getLogger(WorkspaceService.class);

  private final WorkspaceRepository workspaces;
  private final MembershipRepository memberships;
  private final WorkspaceAccess access;
  private final Clock clock;
  private final Plan defaultPlan;

  /** A service whose new workspaces have no limits. */
  public WorkspaceService(
      WorkspaceRepository workspaces,
      MembershipRepository memberships,
      WorkspaceAccess access,
      Clock clock) {
    this(workspaces, memberships, access, clock, Plan.UNLIMITED);
  }

  /**
   * @param defaultPlan the plan of every new workspace
   */
  public WorkspaceService(
      WorkspaceRepository workspaces,
      MembershipRepository memberships,
      WorkspaceAccess access,
      Clock clock,
      Plan defaultPlan) {
    this.workspaces = workspaces;
    this.memberships = memberships;
    this.access = access;
    this.clock = clock;
    this.defaultPlan = Objects.requireNonNull(defaultPlan, "defaultPlan");
  }

  @Override
  public Workspace create(UserId ownerId, WorkspaceSettings settings) {
    Instant now = clock.instant();
    boolean requireTwoFactor = Objects.requireNonNullElse(settings.requireTwoFactor(), false);
    Workspace workspace =
        checked(
            new UserActor(ownerId),
            requireTwoFactor,
            false,
            () ->
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
                    requireTwoFactor,
                    null,
                    settings.welcomeMessages(),
                    settings.appearance(),
                    defaultPlan,
                    settings.aiPolicy(),
                    now,
                    now));
    workspaces.insert(workspace);
    memberships.insert(new Membership(workspace.id(), ownerId, Role.OWNER, now, now));
    LOG.info("workspace created workspaceId={}", workspace.id().value());
    return workspace;
  }

  @Override
  public Workspace update(Actor actor, WorkspaceId workspaceId, WorkspaceSettings settings) {
    Workspace current = access.require(actor, workspaceId, Permission.MANAGE_SETTINGS);
    boolean requireTwoFactor =
        Objects.requireNonNullElse(settings.requireTwoFactor(), current.requireTwoFactor());
    Workspace updated =
        checked(
            actor,
            requireTwoFactor,
            current.requireTwoFactor(),
            () ->
                new Workspace(
                    current.id(),
                    Objects.requireNonNullElse(settings.name(), current.name()),
                    current.ownerId(),
                    current.widgetKey(),
                    Objects.requireNonNullElse(settings.welcomeMessage(), current.welcomeMessage()),
                    Objects.requireNonNullElse(settings.systemPrompt(), current.systemPrompt()),
                    Objects.requireNonNullElse(settings.faq(), current.faq()),
                    Objects.requireNonNullElse(settings.allowedDomains(), current.allowedDomains()),
                    Objects.requireNonNullElse(
                        settings.dataRetentionDays(), current.dataRetentionDays()),
                    requireTwoFactor,
                    current.encryptedPin(),
                    Objects.requireNonNullElse(
                        settings.welcomeMessages(), current.welcomeMessages()),
                    Objects.requireNonNullElse(settings.appearance(), current.appearance()),
                    current.plan(),
                    Objects.requireNonNullElse(settings.aiPolicy(), current.aiPolicy()),
                    current.createdAt(),
                    clock.instant()));
    workspaces.update(updated);
    return updated;
  }

  @Override
  public Workspace rotateWidgetKey(UserId actor, WorkspaceId workspaceId) {
    Workspace current = access.require(actor, workspaceId, Permission.MANAGE_SETTINGS).workspace();
    Workspace rotated = current.withWidgetKey(WidgetKey.generate(), clock.instant());
    workspaces.update(rotated);
    LOG.info("widget key rotated workspaceId={}", workspaceId.value());
    return rotated;
  }

  @Override
  public Page<MemberWorkspace> list(UserId actor, PageRequest page) {
    Page<Membership> joined = memberships.findByUser(actor, page);
    Map<WorkspaceId, Workspace> byId =
        workspaces.findByIds(joined.items().stream().map(Membership::workspaceId).toList()).stream()
            .collect(Collectors.toMap(Workspace::id, Function.identity()));
    return new Page<>(
        joined.items().stream()
            .filter(membership -> byId.containsKey(membership.workspaceId()))
            .map(
                membership ->
                    new MemberWorkspace(byId.get(membership.workspaceId()), membership.role()))
            .toList(),
        joined.nextCursor(),
        joined.limit());
  }

  @Override
  public Workspace get(Actor actor, WorkspaceId workspaceId) {
    return access.require(actor, workspaceId, Permission.READ_WORKSPACE);
  }

  @Override
  public void delete(UserId actor, WorkspaceId workspaceId) {
    access.require(actor, workspaceId, Permission.DELETE_WORKSPACE);
    workspaces.markDeleted(workspaceId, clock.instant());
    LOG.info("workspace deleted workspaceId={}", workspaceId.value());
  }

  @Override
  public Workspace restore(UserId actor, WorkspaceId workspaceId) {
    Instant now = clock.instant();
    DeletedWorkspace deleted =
        workspaces
            .findDeleted(workspaceId)
            .filter(found -> now.isBefore(found.deletedAt().plus(RESTORE_PERIOD)))
            .filter(
                found ->
                    memberships
                        .find(workspaceId, actor)
                        .map(membership -> membership.role().allows(Permission.DELETE_WORKSPACE))
                        .orElse(false))
            .orElseThrow(() -> new NotFoundException("No deleted workspace to restore"));
    workspaces.restore(workspaceId, now);
    LOG.info("workspace restored workspaceId={}", workspaceId.value());
    return deleted.workspace();
  }

  /**
   * Builds the workspace, reporting its broken rules together with the two-factor rule: turning the
   * requirement on is refused to someone it would lock out.
   */
  private Workspace checked(
      Actor actor, boolean wanted, boolean current, Supplier<Workspace> build) {
    // An API key cannot lock itself out; a person without 2FA could.
    boolean refused =
        wanted
            && !current
            && actor instanceof UserActor user
            && !access.hasTwoFactor(user.userId());
    List<FieldViolation> violations = new ArrayList<>();
    Workspace workspace = null;
    try {
      workspace = build.get();
    } catch (ValidationException e) {
      violations.addAll(e.violations());
    }
    if (refused) {
      violations.add(
          new FieldViolation(
              "requireTwoFactor", "turn on two-factor authentication for your own account first"));
    }
    if (!violations.isEmpty()) {
      throw new ValidationException(violations);
    }
    return workspace;
  }
}
