package com.minichat.application.port.in.workspace;

import com.minichat.domain.workspace.Plan;
import java.time.YearMonth;

/**
 * What a workspace uses of its plan.
 *
 * @param month the UTC month the message count is for
 * @param messages visitor messages accepted this month
 * @param members people in the team, open invitations included, as the plan counts them
 */
public record WorkspaceUsage(Plan plan, YearMonth month, long messages, long members) {}
