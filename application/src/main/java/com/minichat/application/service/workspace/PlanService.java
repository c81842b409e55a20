package com.minichat.application.service.workspace;

import com.minichat.application.port.in.workspace.ChangePlanUseCase;
import com.minichat.application.port.in.workspace.QueryUsageUseCase;
import com.minichat.application.port.in.workspace.WorkspaceUsage;
import com.minichat.application.port.in.workspace.WorkspaceUsage.ModelSpend;
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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    Map<String, Long> counters = usage.all(workspaceId, month);
    return new WorkspaceUsage(
        workspace.plan(),
        month,
        counters.getOrDefault(UsageCounters.MESSAGES, 0L),
        memberships.findByWorkspace(workspaceId).size()
            + invitations.findOpenByWorkspace(workspaceId, now).size(),
        counters.getOrDefault(UsageCounters.AI_COST, 0L),
        workspace.aiPolicy().monthlyBudgetMicros(),
        models(counters));
  }

  /** The per-model counters ({@code ai.model|provider|model|measure}) gathered per model. */
  private static List<ModelSpend> models(Map<String, Long> counters) {
    Map<List<String>, long[]> byModel = new LinkedHashMap<>();
    counters.forEach(
        (name, value) -> {
          if (!name.startsWith(UsageCounters.AI_MODEL_PREFIX)) {
            return;
          }
          String rest = name.substring(UsageCounters.AI_MODEL_PREFIX.length());
          int first = rest.indexOf('|');
          int last = rest.lastIndexOf('|');
          if (first < 0 || last <= first) {
            return;
          }
          long[] measures =
              byModel.computeIfAbsent(
                  List.of(rest.substring(0, first), rest.substring(first + 1, last)),
                  key -> new long[3]);
          switch (rest.substring(last + 1)) {
            case "cost" -> measures[0] = value;
            case "input" -> measures[1] = value;
            case "output" -> measures[2] = value;
            default -> {
              // a measure of a later version: not shown by this one
            }
          }
        });
    return byModel.entrySet().stream()
        .map(
            entry ->
                new ModelSpend(
                    entry.getKey().get(0),
                    entry.getKey().get(1),
                    entry.getValue()[0],
                    entry.getValue()[1],
                    entry.getValue()[2]))
        .sorted(Comparator.comparingLong(ModelSpend::costMicros).reversed())
        .toList();
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
