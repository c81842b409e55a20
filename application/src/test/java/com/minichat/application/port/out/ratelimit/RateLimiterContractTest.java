package com.minichat.application.port.out.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.minichat.application.service.support.TestClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Behaviour every {@link RateLimiter} must show. Extend it and return a limiter reading time from
 * the given clock in {@link #newRateLimiter(Clock)}.
 *
 * <p>Time is moved with {@link #elapse(Duration)}, which advances the {@link TestClock} handed to
 * the factory. An implementation that can only follow real time may override {@link
 * #elapse(Duration)} to wait instead; the windows used here are then short enough ({@link
 * #SHORT_WINDOW}) to keep that bounded.
 *
 * <p>Every test uses keys with a random suffix, so implementations backed by a shared store (Redis)
 * need no clean-up between tests.
 */
public abstract class RateLimiterContractTest {
  /** The start of the manual clock; any instant works. */
  protected static final Instant T0 = Instant.parse("2026-03-01T10:15:30Z");

  /** The window of the tests that let a window pass. */
  protected static final Duration SHORT_WINDOW = Duration.ofMillis(500);

  private static final Duration LONG_WINDOW = Duration.ofMinutes(1);

  /** The clock handed to {@link #newRateLimiter(Clock)}; starts at {@link #T0}. */
  protected TestClock clock;

  private RateLimiter limiter;

  /** A limiter that reads the current time from {@code clock}; called before every test. */
  protected abstract RateLimiter newRateLimiter(Clock clock);

  /** Lets {@code duration} pass for the limiter. Override to sleep when the clock is ignored. */
  protected void elapse(Duration duration) {
    clock.advance(duration);
  }

  @BeforeEach
  void setUpRateLimiter() {
    clock = TestClock.fixedAt(T0);
    limiter = newRateLimiter(clock);
  }

  /** A key no other test (nor another run against the same store) uses. */
  protected static String uniqueKey(String base) {
    return base + "-" + UUID.randomUUID();
  }

  private static RateLimit limit(String name, int permits, Duration window) {
    return new RateLimit(name, permits, window);
  }

  @Test
  void firstAcquireIsAllowedAndReportsTheLimit() {
    RateLimit limit = limit("contract-first", 3, LONG_WINDOW);

    RateLimitDecision decision = limiter.tryAcquire(limit, uniqueKey("visitor"));

    assertTrue(decision.allowed());
    assertEquals(3, decision.limit());
    assertEquals(2, decision.remaining());
    assertEquals(Duration.ZERO, decision.retryAfter());
  }

  @Test
  void remainingDecreasesWithEveryPermitTaken() {
    RateLimit limit = limit("contract-count", 5, LONG_WINDOW);
    String key = uniqueKey("visitor");

    for (int expectedRemaining = 4; expectedRemaining >= 0; expectedRemaining--) {
      RateLimitDecision decision = limiter.tryAcquire(limit, key);
      assertTrue(decision.allowed(), "permit " + (5 - expectedRemaining) + " of 5");
      assertEquals(expectedRemaining, decision.remaining());
      assertEquals(5, decision.limit());
      assertEquals(Duration.ZERO, decision.retryAfter());
    }
  }

  @Test
  void exhaustedKeyIsRefusedWithAPositiveRetryAfterWithinTheWindow() {
    RateLimit limit = limit("contract-refuse", 2, LONG_WINDOW);
    String key = uniqueKey("visitor");
    limiter.tryAcquire(limit, key);
    limiter.tryAcquire(limit, key);

    RateLimitDecision refused = limiter.tryAcquire(limit, key);

    assertFalse(refused.allowed());
    assertEquals(2, refused.limit());
    assertEquals(0, refused.remaining());
    assertTrue(refused.retryAfter().isPositive(), "retryAfter " + refused.retryAfter());
    assertTrue(
        refused.retryAfter().compareTo(LONG_WINDOW) <= 0,
        "retryAfter " + refused.retryAfter() + " exceeds the window");
  }

  @Test
  void refusalsDoNotExtendTheWait() {
    RateLimit limit = limit("contract-refuse-again", 1, LONG_WINDOW);
    String key = uniqueKey("visitor");
    limiter.tryAcquire(limit, key);
    RateLimitDecision first = limiter.tryAcquire(limit, key);

    RateLimitDecision second = limiter.tryAcquire(limit, key);

    assertFalse(first.allowed());
    assertFalse(second.allowed());
    assertTrue(second.retryAfter().isPositive());
    assertTrue(second.retryAfter().compareTo(first.retryAfter()) <= 0);
  }

  @Test
  void retryAfterShrinksAsTimePasses() {
    RateLimit limit = limit("contract-retry-shrinks", 1, SHORT_WINDOW);
    String key = uniqueKey("visitor");
    limiter.tryAcquire(limit, key);
    RateLimitDecision before = limiter.tryAcquire(limit, key);

    elapse(Duration.ofMillis(200));
    RateLimitDecision after = limiter.tryAcquire(limit, key);

    assertFalse(after.allowed());
    assertTrue(
        after.retryAfter().compareTo(before.retryAfter()) < 0,
        before.retryAfter() + " then " + after.retryAfter());
  }

  @Test
  void keysAreCountedIndependently() {
    RateLimit limit = limit("contract-keys", 1, LONG_WINDOW);
    String first = uniqueKey("visitor-a");
    String second = uniqueKey("visitor-b");

    assertTrue(limiter.tryAcquire(limit, first).allowed());
    assertFalse(limiter.tryAcquire(limit, first).allowed());

    RateLimitDecision other = limiter.tryAcquire(limit, second);
    assertTrue(other.allowed());
    assertEquals(0, other.remaining());
  }

  @Test
  void limitNamesAreCountedIndependentlyForTheSameKey() {
    String suffix = UUID.randomUUID().toString();
    RateLimit messages = limit("contract-messages-" + suffix, 1, LONG_WINDOW);
    RateLimit logins = limit("contract-logins-" + suffix, 2, LONG_WINDOW);
    String key = uniqueKey("203.0.113.7");

    assertTrue(limiter.tryAcquire(messages, key).allowed());
    assertFalse(limiter.tryAcquire(messages, key).allowed());

    RateLimitDecision login = limiter.tryAcquire(logins, key);
    assertTrue(login.allowed());
    assertEquals(1, login.remaining());
    assertEquals(2, login.limit());
  }

  @Test
  void permitsComeBackOnceTheWindowHasPassed() {
    RateLimit limit = limit("contract-reset", 2, SHORT_WINDOW);
    String key = uniqueKey("visitor");
    limiter.tryAcquire(limit, key);
    limiter.tryAcquire(limit, key);
    RateLimitDecision refused = limiter.tryAcquire(limit, key);
    assertFalse(refused.allowed());
    assertTrue(refused.retryAfter().compareTo(SHORT_WINDOW) <= 0);

    elapse(SHORT_WINDOW.plusMillis(50));

    RateLimitDecision again = limiter.tryAcquire(limit, key);
    assertTrue(again.allowed());
    assertEquals(1, again.remaining());
    assertEquals(Duration.ZERO, again.retryAfter());
  }

  @Test
  void waitingRetryAfterIsEnoughForTheNextPermit() {
    RateLimit limit = limit("contract-retry-enough", 3, SHORT_WINDOW);
    String key = uniqueKey("visitor");
    for (int i = 0; i < 3; i++) {
      limiter.tryAcquire(limit, key);
    }
    RateLimitDecision refused = limiter.tryAcquire(limit, key);
    assertFalse(refused.allowed());

    elapse(refused.retryAfter());

    assertTrue(limiter.tryAcquire(limit, key).allowed());
  }

  @Test
  @Timeout(30)
  void concurrentRequestsNeverGetMorePermitsThanTheLimit() throws Exception {
    RateLimit limit = limit("contract-concurrent", 10, LONG_WINDOW);
    String key = uniqueKey("visitor");
    int threads = 8;
    int attemptsPerThread = 5;
    CountDownLatch start = new CountDownLatch(1);
    List<Callable<Integer>> tasks = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      tasks.add(
          () -> {
            start.await();
            int allowed = 0;
            for (int i = 0; i < attemptsPerThread; i++) {
              if (limiter.tryAcquire(limit, key).allowed()) {
                allowed++;
              }
            }
            return allowed;
          });
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Integer>> futures = new ArrayList<>();
      for (Callable<Integer> task : tasks) {
        futures.add(pool.submit(task));
      }
      start.countDown();
      int allowed = 0;
      for (Future<Integer> future : futures) {
        allowed += future.get(20, TimeUnit.SECONDS);
      }
      assertEquals(10, allowed);
    } finally {
      pool.shutdownNow();
    }
  }

  /** A clock that only moves when told to; safe to read from several threads. */
  @Test
  void resetTellsWhenTheWholeBudgetIsBack() {
    RateLimit limit = new RateLimit("reset", 4, Duration.ofMinutes(1));
    String key = uniqueKey("reset");

    RateLimitDecision first = limiter.tryAcquire(limit, key);

    assertTrue(first.reset().compareTo(Duration.ZERO) > 0, first.toString());
    assertTrue(first.reset().compareTo(limit.window()) <= 0, first.toString());
  }
}
