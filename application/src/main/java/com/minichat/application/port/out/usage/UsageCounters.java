package com.minichat.application.port.out.usage;

import com.minichat.domain.workspace.WorkspaceId;
import java.time.YearMonth;

/**
 * Per-workspace monthly counters, such as visitor messages, counted atomically across instances so
 * that a plan's monthly limit holds under concurrent traffic. Infrastructure failures surface as
 * {@link com.minichat.domain.common.UpstreamUnavailableException}.
 */
public interface UsageCounters {
  /** The counter of visitor messages. */
  String MESSAGES = "messages";

  /**
   * Adds {@code amount} to the workspace's {@code counter} for {@code month} (a missing counter
   * starts at zero).
   *
   * @return the counter's value including this addition: at least the value right after it
   *     (additions racing with it may already show), so a limit checked on it is never overrun
   */
  long add(WorkspaceId workspaceId, String counter, YearMonth month, long amount);

  /** The counter's current value; zero when nothing was counted. */
  long get(WorkspaceId workspaceId, String counter, YearMonth month);
}
