package com.minichat.application.fake;

import com.minichat.application.port.out.usage.UsageCounters;
import com.minichat.domain.workspace.WorkspaceId;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** Thread-safe in-memory {@link UsageCounters}. */
public final class InMemoryUsageCounters implements UsageCounters {
  private final Map<String, Long> counters = new HashMap<>();

  @Override
  public synchronized long add(
      WorkspaceId workspaceId, String counter, YearMonth month, long amount) {
    return counters.merge(key(workspaceId, counter, month), amount, Long::sum);
  }

  @Override
  public synchronized long get(WorkspaceId workspaceId, String counter, YearMonth month) {
    return counters.getOrDefault(key(workspaceId, counter, month), 0L);
  }

  @Override
  public synchronized Map<String, Long> all(WorkspaceId workspaceId, YearMonth month) {
    Map<String, Long> found = new TreeMap<>();
    String prefix = workspaceId.value() + "|";
    String suffix = "|" + month;
    counters.forEach(
        (key, value) -> {
          if (key.startsWith(prefix) && key.endsWith(suffix)) {
            found.put(key.substring(prefix.length(), key.length() - suffix.length()), value);
          }
        });
    return found;
  }

  private static String key(WorkspaceId workspaceId, String counter, YearMonth month) {
    return workspaceId.value() + "|" + counter + "|" + month;
  }
}
