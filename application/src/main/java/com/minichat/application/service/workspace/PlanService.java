package com.minichat.application.service.workspace;

import com.minichat.application.port.in.workspace.ChangePlanUseCase;
import com.minichat.application.port.out.user.UserRepository;
import com.minichat.application.port.out.workspace.WorkspaceRepository;
import com.minichat.domain.common.ForbiddenException;
import com.minichat.domain.common.NotFoundException;
import com.minichat.domain.common.ValidationException;
import com.minichat.domain.user.User;
import com.minichat.domain.user.UserId;
import com.minichat.domain.workspace.Plan;
import com.minichat.domain.workspace.Workspace;
import com.minichat.domain.workspace.WorkspaceId;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Changes workspaces' plans on behalf of platform administrators. */
public final class PlanService implements ChangePlanUseCase {
  private static final Logger LOG = LoggerFactory.getLogger(PlanService.class);

  private final WorkspaceRepository workspaces;
  private final UserRepository users;
  private final Clock clock;

  public PlanService(WorkspaceRepository workspaces, UserRepository users, Clock clock) {
    this.workspaces = workspaces;
    this.users = users;
    this.clock = clock;
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
