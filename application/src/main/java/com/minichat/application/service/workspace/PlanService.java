package com.minichat.application.service.workspace;

import com.minichat.application.port.in.workspace.ChangePlanUseCase;
import com.minichat.application.port.in.workspace.QueryUsageUseCase;
import com.minichat.application.port.in.workspace.WorkspaceUsage;
import com.minichat.application.port.out.team.InvitationRepository;
import com.minichat.application.port.out.team.MembershipRepository;
import com.minichat.application.port.out.usage.UsageCounters;
import com.minichat.application.port.out.user.UserRepository;
import com.minichat.application.port.out.workspace.WorkspaceRepository;
import com.minichat.domain.access.Actor;
import com.minichat.domain.common.ForbiddenException;
import com.minichat.domain.common.NotFoundException;
import com.minichat.domain.common.ValidationException;
import com.minichat.domain.team.Permission;
import com.minichat.domain.user.User;
import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.Plan;
import com.minichat.domain.workspace.Workspace;
import com.minichat.domain.workspace.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Workspaces' plans: what they use of them, and changes by platform administrators. */
public final class PlanService implements ChangePlanUseCase, QueryUsageUseCase {
  private static final Logger LOG = LoggerFactory.getLogger(PlanService.class);

  private final WorkspaceRepository workspaces;
  private final UserRepository users;
  private final WorkspaceAccess access;
  private final MembershipRepository memberships;
  private final InvitationRepository invitations;
  private final UsageCounters usage;
  private final Clock clock;

  public PlanService(
      WorkspaceRepository workspaces,
      UserRepository users,
      WorkspaceAccess access,
      MembershipRepository memberships,
      InvitationRepository invitations,
      UsageCounters usage,
      Clock clock) {
    this.workspaces = workspaces;
    this.users = users;
    this.access = access;
    this.memberships = memberships;
    this.invitations = invitations;
    this.usage = usage;
    this.clock = clock;
  }

  @Override
  public WorkspaceUsage usage(Actor actor, WorkspaceId workspaceId) {
    Workspace workspace = access.require(actor, workspaceId, Permission.READ_WORKSPACE);
    Instant now = clock.instant();
    YearMonth month = YearMonth.from(now.atZone(ZoneOffset.UTC));
    return new WorkspaceUsage(
        workspace.plan(),
        month,
        usage.get(workspaceId, UsageCounters.MESSAGES, month),
        memberships.findByWorkspace(workspaceId).size()
            + invitations.findOpenByWorkspace(workspaceId, now).size());
  }

  @Override
  public Workspace changePlan(UserId actor, WorkspaceId workspaceId, String plan) {
    if (!users.findById(actor).map(User::platformAdmin).orElse(false)) {
      throw new ForbiddenException("Only platform administrators change plans");
    }
    Plan chosen =
        Plan.parse(plan)
            .orElseThrow(
                () -> new ValidationException("plan", "must be free, pro, business or unlimited"));
    Workspace changed =
        workspaces
            .findById(workspaceId)
            .orElseThrow(() -> new NotFoundException("Workspace not found"))
            .onPlan(chosen, clock.instant());
    workspaces.update(changed);
    LOG.info(
        "workspace plan changed workspaceId={} plan={} by={}",
        workspaceId.value(),
        chosen.id(),
        actor.value());
    return changed;
  }
}
