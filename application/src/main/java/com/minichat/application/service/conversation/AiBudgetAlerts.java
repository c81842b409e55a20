package com.minichat.application.service.conversation;

import com.minichat.application.port.out.email.AccountMailer;
import com.minichat.application.port.out.job.JobRuns;
import com.minichat.application.port.out.team.MembershipRepository;
import com.minichat.application.port.out.user.UserRepository;
import com.minichat.domain.team.Membership;
import com.minichat.domain.team.Permission;
import com.minichat.domain.usage.BudgetMark;
import com.minichat.domain.workspace.Workspace;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a workspace's owners and admins when its AI spending crosses the warning mark and when it
 * reaches the monthly budget: once per mark and month, whichever instance saw it first.
 */
public final class AiBudgetAlerts {
  private static final Logger LOG = LoggerFactory.getLogger(AiBudgetAlerts.class);

  private final MembershipRepository memberships;
  private final UserRepository users;
  private final AccountMailer mailer;
  private final JobRuns runs;
  private final Clock clock;

  public AiBudgetAlerts(
      MembershipRepository memberships,
      UserRepository users,
      AccountMailer mailer,
      JobRuns runs,
      Clock clock) {
    this.memberships = memberships;
    this.users = users;
    this.mailer = mailer;
    this.runs = runs;
    this.clock = clock;
  }

  /**
   * Spending went from {@code before} to {@code after} (millionths of a US dollar) in {@code
   * month}; alerts when that crossed a mark of the workspace's budget.
   */
  public void spent(Workspace workspace, long before, long after, YearMonth month) {
    Long budget = workspace.aiPolicy().monthlyBudgetMicros();
    if (budget == null) {
      return;
    }
    // budgets are at most 10^12 micro-dollars, so the product fits in a long
    long warnAt = budget * workspace.aiPolicy().budgetWarningPercent() / 100;
    if (before < budget && after >= budget) {
      alert(workspace, BudgetMark.REACHED, after, budget, month);
    } else if (before < warnAt && after >= warnAt) {
      alert(workspace, BudgetMark.WARNING, after, budget, month);
    }
  }

  private void alert(
      Workspace workspace, BudgetMark mark, long spent, long budget, YearMonth month) {
    String job = "ai-budget-" + mark.name().toLowerCase(Locale.ROOT) + "|" + workspace.id().value();
    if (!runs.claim(job, month.toString(), clock.instant())) {
      return;
    }
    LOG.info(
        "ai budget mark crossed workspaceId={} mark={} spentMicros={} budgetMicros={}",
        workspace.id().value(),
        mark,
        spent,
        budget);
    for (Membership membership : memberships.findByWorkspace(workspace.id())) {
      if (membership.role().allows(Permission.MANAGE_SETTINGS)) {
        users
            .findById(membership.userId())
            .ifPresent(
                user -> mailer.sendAiBudget(user, workspace.name(), mark, spent, budget, month));
      }
    }
  }
}
