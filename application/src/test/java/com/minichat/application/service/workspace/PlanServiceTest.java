package com.minichat.application.service.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.minichat.application.fake.InMemoryUsageCounters;
import com.minichat.application.port.in.workspace.WorkspaceUsage;
import com.minichat.application.port.out.usage.UsageCounters;
import com.minichat.application.service.support.TenancyFixture;
import com.minichat.domain.access.UserActor;
import com.minichat.domain.common.FieldViolation;
import com.minichat.domain.common.ForbiddenException;
import com.minichat.domain.common.NotFoundException;
import com.minichat.domain.common.ValidationException;
import com.minichat.domain.team.Role;
import com.minichat.domain.user.User;
import com.minichat.domain.workspace.Plan;
import com.minichat.domain.workspace.Workspace;
import com.minichat.domain.workspace.WorkspaceId;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PlanServiceTest {
  private TenancyFixture fx;
  private final InMemoryUsageCounters usage = new InMemoryUsageCounters();
  private PlanService plans;
  private User owner;
  private User operator;
  private Workspace workspace;

  @BeforeEach
  void setUp() {
    fx = new TenancyFixture();
    plans =
        new PlanService(
            fx.workspaces, fx.users, fx.access, fx.memberships, fx.invitations, usage, fx.clock);
    owner = fx.user("Owner");
    operator = fx.user("Operator").withPlatformAdmin(true, fx.clock.instant());
    fx.users.update(operator);
    workspace = fx.workspace(owner, "Coffee");
  }

  @Test
  void aPlatformAdministratorMovesAWorkspaceToAnotherPlan() {
    Workspace changed = plans.changePlan(operator.id(), workspace.id(), " Pro ");

    assertEquals(Plan.PRO, changed.plan());
    assertEquals(Plan.PRO, fx.workspaces.findById(workspace.id()).orElseThrow().plan());
    assertEquals(workspace.name(), changed.name(), "nothing else changes");
  }

  @Test
  void nobodyElseMayEvenTheOwner() {
    assertThrows(
        ForbiddenException.class, () -> plans.changePlan(owner.id(), workspace.id(), "business"));

    assertEquals(Plan.UNLIMITED, fx.workspaces.findById(workspace.id()).orElseThrow().plan());
  }

  @Test
  void anUnknownPlanOrWorkspaceIsRefused() {
    ValidationException wrong =
        assertThrows(
            ValidationException.class,
            () -> plans.changePlan(operator.id(), workspace.id(), "gold"));
    assertEquals(
        List.of(new FieldViolation("plan", "must be free, pro, business or unlimited")),
        wrong.violations());
    assertThrows(
        NotFoundException.class,
        () -> plans.changePlan(operator.id(), WorkspaceId.generate(), "pro"));
  }

  @Test
  void usageCountsThisMonthsMessagesAndTheTeamWithOpenInvitations() {
    User member = fx.user("Member");
    fx.join(workspace, member, Role.MEMBER);
    fx.invitationService.invite(owner.id(), workspace.id(), "new@example.com", Role.MEMBER);
    YearMonth march = YearMonth.of(2026, 3);
    usage.add(workspace.id(), UsageCounters.MESSAGES, march, 42);
    usage.add(workspace.id(), UsageCounters.MESSAGES, march.minusMonths(1), 7);

    WorkspaceUsage used = plans.usage(new UserActor(member.id()), workspace.id());

    assertEquals(new WorkspaceUsage(Plan.UNLIMITED, march, 42, 3, 0, null, List.of()), used);
    assertThrows(
        NotFoundException.class,
        () -> plans.usage(new UserActor(operator.id()), workspace.id()),
        "only members read it");
  }

  @Test
  void usageShowsThisMonthsAiSpendingPerModelCostliestFirst() {
    YearMonth march = YearMonth.of(2026, 3);
    usage.add(workspace.id(), UsageCounters.AI_COST, march, 700);
    usage.add(workspace.id(), UsageCounters.aiModel("openai", "gpt-4o-mini", "cost"), march, 200);
    usage.add(workspace.id(), UsageCounters.aiModel("openai", "gpt-4o-mini", "input"), march, 900);
    usage.add(workspace.id(), UsageCounters.aiModel("openai", "gpt-4o-mini", "output"), march, 90);
    usage.add(
        workspace.id(), UsageCounters.aiModel("gemini", "gemini-2.5-pro", "cost"), march, 500);
    usage.add(workspace.id(), UsageCounters.aiModel("offline", "offline", "input"), march, 0);

    WorkspaceUsage used = plans.usage(new UserActor(owner.id()), workspace.id());

    assertEquals(700, used.aiCostMicros());
    assertEquals(
        List.of(
            new WorkspaceUsage.ModelSpend("gemini", "gemini-2.5-pro", 500, 0, 0),
            new WorkspaceUsage.ModelSpend("openai", "gpt-4o-mini", 200, 900, 90),
            new WorkspaceUsage.ModelSpend("offline", "offline", 0, 0, 0)),
        used.models());
  }
}
