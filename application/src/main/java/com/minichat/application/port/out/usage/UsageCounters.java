package com.minichat.application.port.out.usage;

import com.minichat.domain.workspace.WorkspaceId;
import java.time.YearMonth;
import java.util.Map;

/**
 * Per-workspace monthly counters, such as visitor messages, counted atomically across instances so
 * that a plan's monthly limit holds under concurrent traffic. Infrastructure failures surface as
 * {@link com.minichat.domain.common.UpstreamUnavailableException}.
 */
public interface UsageCounters {
  /** The counter of visitor messages. */
  String MESSAGES = "messages";

  /** The counter of what AI providers cost, in millionths of a US dollar. */
  String AI_COST = "ai.cost";

  /** Prefix of the per-model counters: {@code ai.model|<provider>|<model>|<measure>}. */
  String AI_MODEL_PREFIX = "ai.model|";

  /** A per-model counter: {@code measure} is {@code cost}, {@code input} or {@code output}. */
  static String aiModel(String provider, String model, String measure) {
    return AI_MODEL_PREFIX + provider + "|" + model + "|" + measure;
  }

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

  /** Every counter of the workspace for {@code month}, by name. */
  Map<String, Long> all(WorkspaceId workspaceId, YearMonth month);
}
