package com.minichat.application.fake;

import static com.minichat.application.fake.InMemoryPaging.millis;
import static com.minichat.application.fake.InMemoryPaging.millisOrNull;

import com.minichat.application.port.out.user.UserRepository;
import com.minichat.domain.common.ConflictException;
import com.minichat.domain.common.NotFoundException;
import com.minichat.domain.user.Email;
import com.minichat.domain.user.User;
import com.minichat.domain.user.UserId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Thread-safe in-memory {@link UserRepository} with the same semantics as the real adapters: unique
 * ids and e-mails, {@link #update} of an unknown id fails with {@link NotFoundException}, every
 * field kept, instants kept at millisecond precision.
 */
public final class InMemoryUserRepository implements UserRepository {
  private static final String EMAIL_TAKEN = "This e-mail is already registered";

  private final Map<UserId, User> users = new LinkedHashMap<>();

  @Override
  public synchronized void insert(User user) {
    Objects.requireNonNull(user, "user");
    if (users.containsKey(user.id())) {
      throw new ConflictException("A user with this id already exists");
    }
    requireEmailFree(user);
    users.put(user.id(), stored(user, user.revision()));
  }

  @Override
  public synchronized User update(User user) {
    Objects.requireNonNull(user, "user");
    User current = users.get(user.id());
    if (current == null) {
      throw new NotFoundException("User not found");
    }
    if (current.revision() != user.revision()) {
      throw new ConflictException("The account changed meanwhile; try again");
    }
    requireEmailFree(user);
    User stored = stored(user, user.revision() + 1);
    users.put(user.id(), stored);
    return stored;
  }

  @Override
  public synchronized Optional<User> findById(UserId id) {
    return Optional.ofNullable(users.get(id));
  }

  @Override
  public synchronized Optional<User> findByEmail(Email email) {
    return users.values().stream().filter(user -> user.email().equals(email)).findFirst();
  }

  /** Every stored user in insertion order; for assertions in tests. */
  public synchronized List<User> all() {
    return List.copyOf(users.values());
  }

  private void requireEmailFree(User user) {
    boolean taken =
        users.values().stream()
            .anyMatch(other -> !other.id().equals(user.id()) && other.email().equals(user.email()));
    if (taken) {
      throw new ConflictException(EMAIL_TAKEN);
    }
  }

  private static User stored(User user, long revision) {
    return new User(
        user.id(),
        user.email(),
        user.name(),
        user.passwordHash(),
        user.language(),
        user.emailVerified(),
        user.failedLogins(),
        millisOrNull(user.lockedUntil()),
        user.lockouts(),
        user.previousPasswordHashes(),
        user.sessionVersion(),
        user.twoFactor(),
        user.platformAdmin(),
        revision,
        millis(user.createdAt()),
        millis(user.updatedAt()));
  }
}
