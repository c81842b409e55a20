package com.minichat.application.port.out.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.minichat.domain.workspace.WorkspaceId;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Behaviour every {@link UsageCounters} must show: counters start at zero, are kept apart by
 * workspace, counter and month, and concurrent additions are neither lost nor doubled; the total an
 * addition returns is at least the counter right after it (a concurrent addition may already show),
 * so a limit checked on it is never overrun.
 */
public abstract class UsageCountersContractTest {
  private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

  private UsageCounters counters;

  /** A new, empty store; called before every test. */
  protected abstract UsageCounters newCounters();

  @BeforeEach
  void setUpCounters() {
    counters = newCounters();
  }

  @Test
  void countersStartAtZeroAndAddUp() {
    WorkspaceId workspace = WorkspaceId.generate();

    assertEquals(0, counters.get(workspace, UsageCounters.MESSAGES, NOVEMBER));
    assertEquals(1, counters.add(workspace, UsageCounters.MESSAGES, NOVEMBER, 1));
    assertEquals(6, counters.add(workspace, UsageCounters.MESSAGES, NOVEMBER, 5));
    assertEquals(6, counters.get(workspace, UsageCounters.MESSAGES, NOVEMBER));
  }

  @Test
  void workspacesCountersAndMonthsAreKeptApart() {
    WorkspaceId workspace = WorkspaceId.generate();
    WorkspaceId other = WorkspaceId.generate();
    counters.add(workspace, UsageCounters.MESSAGES, NOVEMBER, 3);

    assertEquals(1, counters.add(other, UsageCounters.MESSAGES, NOVEMBER, 1));
    assertEquals(1, counters.add(workspace, "documents", NOVEMBER, 1));
    assertEquals(1, counters.add(workspace, UsageCounters.MESSAGES, NOVEMBER.plusMonths(1), 1));
    assertEquals(3, counters.get(workspace, UsageCounters.MESSAGES, NOVEMBER));
  }

  @Test
  void allListsOneWorkspacesCountersOfOneMonthByName() {
    WorkspaceId workspace = new WorkspaceId("ws.with|odd(chars)");
    WorkspaceId similar = new WorkspaceId("ws.with|odd(chars)2");
    String model = UsageCounters.aiModel("openai", "gpt-4.1-mini", "cost");
    counters.add(workspace, UsageCounters.MESSAGES, NOVEMBER, 3);
    counters.add(workspace, model, NOVEMBER, 450);
    counters.add(workspace, UsageCounters.MESSAGES, NOVEMBER.plusMonths(1), 9);
    counters.add(similar, UsageCounters.MESSAGES, NOVEMBER, 7);

    assertEquals(
        Map.of(UsageCounters.MESSAGES, 3L, model, 450L), counters.all(workspace, NOVEMBER));
    assertEquals(Map.of(), counters.all(WorkspaceId.generate(), NOVEMBER));
  }

  @Test
  void concurrentAdditionsAreAllCountedOnce() throws Exception {
    WorkspaceId workspace = WorkspaceId.generate();
    int threads = 8;
    int each = 25;
    List<Callable<List<Long>>> tasks = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      tasks.add(
          () -> {
            List<Long> seen = new ArrayList<>();
            for (int i = 0; i < each; i++) {
              seen.add(counters.add(workspace, UsageCounters.MESSAGES, NOVEMBER, 1));
            }
            return seen;
          });
    }
    List<Long> all = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      for (Future<List<Long>> done : pool.invokeAll(tasks)) {
        all.addAll(done.get());
      }
    }

    assertEquals(threads * each, counters.get(workspace, UsageCounters.MESSAGES, NOVEMBER));
    assertEquals(threads * each, all.stream().mapToLong(Long::longValue).max().orElseThrow());
    assertTrue(all.stream().allMatch(total -> total >= 1), all.toString());
    // Each caller saw at least its own total, so a limit checked on it is never overrun.
    List<Long> sorted = all.stream().sorted().toList();
    for (int i = 0; i < sorted.size(); i++) {
      assertTrue(sorted.get(i) >= i + 1, "addition " + (i + 1) + " saw " + sorted.get(i));
    }
  }
}
