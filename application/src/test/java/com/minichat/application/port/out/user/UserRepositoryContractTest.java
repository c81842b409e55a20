package com.minichat.application.port.out.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.minichat.domain.common.ConflictException;
import com.minichat.domain.common.NotFoundException;
import com.minichat.domain.user.Email;
import com.minichat.domain.user.Language;
import com.minichat.domain.user.TwoFactor;
import com.minichat.domain.user.User;
import com.minichat.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Behaviour every {@link UserRepository} must show. Extend it and return a fresh, empty repository
 * from {@link #newRepository()}. Every field of a {@link User} survives a round trip (instants at
 * millisecond precision); {@code update} of an unknown id fails with {@link NotFoundException} and
 * an update to an e-mail another user has with {@link ConflictException}.
 */
public abstract class UserRepositoryContractTest {
  /** A point in time with whole milliseconds, as every store keeps them. */
  protected static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123Z");

  private UserRepository users;

  /** A new repository with no users in it; called before every test. */
  protected abstract UserRepository newRepository();

  @BeforeEach
  void setUpRepository() {
    users = newRepository();
  }

  protected static User user(String email) {
    return new User(
        UserId.generate(),
        new Email(email),
        "Somchai ใจดี",
        "$2a$12$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ01234",
        T0,
        T0.plusSeconds(90));
  }

  /**
   * A user whose every field differs from the defaults of a new account: Thai, verified, locked,
   * with password history, a raised session version, two-factor with recovery codes and a step
   * beyond the range of an {@code int}, and platform administration.
   */
  protected static User fullUser(String email) {
    return new User(
        UserId.generate(),
        new Email(email),
        "สมหญิง Admin",
        "$2a$12$currentcurrentcurrentcuABCDEFGHIJKLMNOPQRSTUVWXYZ01234",
        Language.THAI,
        true,
        2,
        T0.plus(Duration.ofMinutes(15)),
        3,
        List.of("$2a$12$older1", "$2a$12$older2", "$2a$12$older3", "$2a$12$older4"),
        7,
        new TwoFactor(
            true, "v1:AbCdEf0123456789+/==", List.of("rc-hash-1", "rc-hash-2"), 9_000_000_123L),
        true,
        0,
        T0,
        T0.plusSeconds(3600));
  }

  @Test
  void insertedUserIsFoundByIdWithEveryFieldEqual() {
    User user = user("owner@example.com");

    users.insert(user);

    assertEquals(Optional.of(user), users.findById(user.id()));
  }

  @Test
  void everySecurityFieldRoundTrips() {
    User user = fullUser("admin@example.com");

    users.insert(user);

    User found = users.findById(user.id()).orElseThrow();
    assertEquals(user, found);
    assertEquals(Language.THAI, found.language());
    assertTrue(found.emailVerified());
    assertEquals(2, found.failedLogins());
    assertEquals(T0.plus(Duration.ofMinutes(15)), found.lockedUntil());
    assertEquals(3, found.lockouts());
    assertEquals(
        List.of("$2a$12$older1", "$2a$12$older2", "$2a$12$older3", "$2a$12$older4"),
        found.previousPasswordHashes());
    assertEquals(7, found.sessionVersion());
    assertEquals(user.twoFactor(), found.twoFactor());
    assertEquals(9_000_000_123L, found.twoFactor().lastUsedStep());
    assertTrue(found.platformAdmin());
    assertEquals(Optional.of(user), users.findByEmail(user.email()));
  }

  @Test
  void aNewAccountRoundTripsWithItsDefaults() {
    User user = user("new@example.com");

    users.insert(user);

    User found = users.findById(user.id()).orElseThrow();
    assertEquals(Language.ENGLISH, found.language());
    assertFalse(found.emailVerified());
    assertEquals(0, found.failedLogins());
    assertNull(found.lockedUntil());
    assertEquals(0, found.lockouts());
    assertEquals(List.of(), found.previousPasswordHashes());
    assertEquals(0, found.sessionVersion());
    assertEquals(TwoFactor.DISABLED, found.twoFactor());
    assertFalse(found.platformAdmin());
  }

  @Test
  void pendingTwoFactorSetupRoundTrips() {
    User user =
        user("pending@example.com").withTwoFactor(TwoFactor.pending("v1:secret"), false, T0);

    users.insert(user);

    TwoFactor found = users.findById(user.id()).orElseThrow().twoFactor();
    assertEquals(TwoFactor.pending("v1:secret"), found);
    assertEquals(-1, found.lastUsedStep());
  }

  @Test
  void insertedUserIsFoundByEmail() {
    User user = user("owner@example.com");
    users.insert(user);

    assertEquals(Optional.of(user), users.findByEmail(new Email("owner@example.com")));
    assertEquals(Optional.of(user), users.findByEmail(new Email(" Owner@Example.COM ")));
  }

  @Test
  void absentUsersAreEmpty() {
    users.insert(user("owner@example.com"));

    assertTrue(users.findById(UserId.generate()).isEmpty());
    assertTrue(users.findByEmail(new Email("nobody@example.com")).isEmpty());
  }

  @Test
  void duplicateEmailIsAConflict() {
    users.insert(user("owner@example.com"));
    User sameEmail = user("OWNER@example.com");

    assertThrows(ConflictException.class, () -> users.insert(sameEmail));
    assertTrue(users.findById(sameEmail.id()).isEmpty());
  }

  @Test
  void duplicateIdIsAConflict() {
    User first = user("first@example.com");
    users.insert(first);
    User sameId = new User(first.id(), new Email("second@example.com"), "Other", "hash", T0, T0);

    assertThrows(ConflictException.class, () -> users.insert(sameId));
    assertEquals(Optional.of(first), users.findById(first.id()));
  }

  @Test
  void instantsAreKeptToTheMillisecond() {
    Instant precise = Instant.parse("2026-03-01T10:15:30.123456789Z");
    User user =
        new User(UserId.generate(), new Email("precise@example.com"), "P", "h", precise, precise);

    users.insert(user);

    User found = users.findById(user.id()).orElseThrow();
    assertEquals(T0, found.createdAt());
    assertEquals(T0, found.updatedAt());
  }

  @Test
  void lockedUntilIsKeptToTheMillisecond() {
    User locked = user("locked@example.com").afterFailedLogin(1, Duration.ofMinutes(15), T0);
    User precise =
        new User(
            locked.id(),
            locked.email(),
            locked.name(),
            locked.passwordHash(),
            locked.language(),
            locked.emailVerified(),
            locked.failedLogins(),
            T0.plusNanos(999_999),
            locked.lockouts(),
            locked.previousPasswordHashes(),
            locked.sessionVersion(),
            locked.twoFactor(),
            locked.platformAdmin(),
            0,
            locked.createdAt(),
            locked.updatedAt());

    users.insert(precise);

    assertEquals(T0, users.findById(precise.id()).orElseThrow().lockedUntil());
  }

  @Test
  void updateReplacesEveryField() {
    User original = user("owner@example.com");
    users.insert(original);
    User full = fullUser("renamed@example.com");
    User changed =
        new User(
            original.id(),
            full.email(),
            full.name(),
            full.passwordHash(),
            full.language(),
            full.emailVerified(),
            full.failedLogins(),
            full.lockedUntil(),
            full.lockouts(),
            full.previousPasswordHashes(),
            full.sessionVersion(),
            full.twoFactor(),
            full.platformAdmin(),
            0,
            original.createdAt(),
            T0.plusSeconds(7200));

    users.update(changed);

    User stored = changed.atRevision(1);
    assertEquals(Optional.of(stored), users.findById(original.id()));
    assertEquals(Optional.of(stored), users.findByEmail(new Email("renamed@example.com")));
    assertTrue(users.findByEmail(original.email()).isEmpty());
  }

  @Test
  void updateCanClearFieldsAgain() {
    User full = fullUser("admin@example.com");
    users.insert(full);
    User cleared =
        full.withPassword("$2a$12$newnewnew", T0.plusSeconds(10))
            .withTwoFactor(TwoFactor.DISABLED, true, T0.plusSeconds(20))
            .withPlatformAdmin(false, T0.plusSeconds(30));

    users.update(cleared);

    User found = users.findById(full.id()).orElseThrow();
    assertEquals(cleared.atRevision(1), found);
    assertNull(found.lockedUntil());
    assertEquals(0, found.failedLogins());
    assertEquals(TwoFactor.DISABLED, found.twoFactor());
    assertEquals(
        List.of(full.passwordHash(), "$2a$12$older1", "$2a$12$older2", "$2a$12$older3"),
        found.previousPasswordHashes());
    assertEquals(9, found.sessionVersion());
  }

  @Test
  void successiveUpdatesKeepTheLatestState() {
    User user = user("owner@example.com");
    users.insert(user);
    User afterFailures = user;
    for (int i = 1; i <= 5; i++) {
      afterFailures =
          users
              .findById(user.id())
              .orElseThrow()
              .afterFailedLogin(5, Duration.ofMinutes(15), T0.plusSeconds(i));
      users.update(afterFailures);
    }

    User found = users.findById(user.id()).orElseThrow();
    assertEquals(afterFailures.atRevision(5), found);
    assertTrue(found.isLocked(T0.plusSeconds(60)));
    assertEquals(1, found.lockouts());

    User verified = found.verified(T0.plusSeconds(90)).unlocked(T0.plusSeconds(100));
    users.update(verified);
    assertEquals(Optional.of(verified.atRevision(6)), users.findByEmail(user.email()));
  }

  @Test
  void anUpdateFromAStaleReadIsAConflictAndChangesNothing() {
    User user = user("race@example.com");
    users.insert(user);
    User first = users.findById(user.id()).orElseThrow();
    User second = users.findById(user.id()).orElseThrow();
    users.update(first.verified(T0.plusSeconds(1)));

    assertThrows(
        ConflictException.class,
        () -> users.update(second.afterFailedLogin(5, Duration.ofMinutes(15), T0.plusSeconds(2))));

    User found = users.findById(user.id()).orElseThrow();
    assertTrue(found.emailVerified());
    assertEquals(0, found.failedLogins());
  }

  @Test
  void updateOfAnUnknownUserIsNotFound() {
    User never = user("never@example.com");

    assertThrows(NotFoundException.class, () -> users.update(never));
    assertTrue(users.findById(never.id()).isEmpty());
    assertTrue(users.findByEmail(never.email()).isEmpty());
  }

  @Test
  void updateToAnotherUsersEmailIsAConflict() {
    User first = user("first@example.com");
    User second = user("second@example.com");
    users.insert(first);
    users.insert(second);
    User stealing =
        new User(
            second.id(),
            new Email("FIRST@example.com"),
            "Thief",
            second.passwordHash(),
            second.createdAt(),
            T0.plusSeconds(600));

    assertThrows(ConflictException.class, () -> users.update(stealing));
    assertEquals(Optional.of(second), users.findById(second.id()));
    assertEquals(Optional.of(first), users.findByEmail(first.email()));
  }

  @Test
  void differentUsersAreKeptApart() {
    User first = user("first@example.com");
    User second = user("second@example.com");
    users.insert(first);
    users.insert(second);

    assertEquals(Optional.of(first), users.findByEmail(first.email()));
    assertEquals(Optional.of(second), users.findById(second.id()));
  }

  @Test
  void concurrentInsertsOfOneEmailLetExactlyOneWin() throws Exception {
    int attempts = 16;
    List<Callable<Boolean>> tasks = new ArrayList<>();
    for (int i = 0; i < attempts; i++) {
      tasks.add(
          () -> {
            try {
              users.insert(user("race@example.com"));
              return true;
            } catch (ConflictException e) {
              return false;
            }
          });
    }
    List<Boolean> outcomes = new ArrayList<>();
    try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
      for (Future<Boolean> future : executor.invokeAll(tasks)) {
        outcomes.add(future.get());
      }
    }

    assertEquals(1, outcomes.stream().filter(Boolean::booleanValue).count());
    assertTrue(users.findByEmail(new Email("race@example.com")).isPresent());
  }
}
