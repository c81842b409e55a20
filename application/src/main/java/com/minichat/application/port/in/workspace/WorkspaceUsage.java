package com.minichat.application.port.in.workspace;

import com.minichat.domain.workspace.Plan;
import java.time.YearMonth;
import java.util.List;

/**
 * What a workspace uses of its plan.
 *
 * @param month the UTC month the message count is for
 * @param messages visitor messages accepted this month
 * @param members people in the team, open invitations included, as the plan counts them
 * @param aiCostMicros what AI providers cost this month, in millionths of a US dollar
 * @param aiBudgetMicros the workspace's monthly AI budget; {@code null} for none
 * @param models the month's use per provider and model, costliest first
 */
public record WorkspaceUsage(
    Plan plan,
    YearMonth month,
    long messages,
    long members,
    long aiCostMicros,
    Long aiBudgetMicros,
    List<ModelSpend> models) {

  /**
   * What one model of one provider used this month.
   *
   * @param costMicros in millionths of a US dollar
   */
  public record ModelSpend(
      String provider, String model, long costMicros, long inputTokens, long outputTokens) {}

  public WorkspaceUsage {
    models = List.copyOf(models);
  }
}
