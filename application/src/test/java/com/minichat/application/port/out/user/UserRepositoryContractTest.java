package com.minichat.application.port.out.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.minichat.domain.common.ConflictException;
import com.minichat.domain.user.Email;
import com.minichat.domain.user.User;
import com.minichat.domain.user.UserId;
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
 * from {@link #newRepository()}.
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

  @Test
  void insertedUserIsFoundByIdWithEveryFieldEqual() {
    User user = user("owner@example.com");

    users.insert(user);

    assertEquals(Optional.of(user), users.findById(user.id()));
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
