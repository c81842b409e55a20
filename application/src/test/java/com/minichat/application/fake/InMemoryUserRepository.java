package com.minichat.application.fake;

import static com.minichat.application.fake.InMemoryPaging.millis;

import com.minichat.application.port.out.user.UserRepository;
import com.minichat.domain.common.ConflictException;
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
 * ids and e-mails, instants kept at millisecond precision.
 */
public final class InMemoryUserRepository implements UserRepository {
  private final Map<UserId, User> users = new LinkedHashMap<>();

  @Override
  public synchronized void insert(User user) {
    Objects.requireNonNull(user, "user");
    if (users.containsKey(user.id())) {
      throw new ConflictException("A user with this id already exists");
    }
    if (findByEmail(user.email()).isPresent()) {
      throw new ConflictException("This e-mail is already registered");
    }
    users.put(
        user.id(),
        new User(
            user.id(),
            user.email(),
            user.name(),
            user.passwordHash(),
            millis(user.createdAt()),
            millis(user.updatedAt())));
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
}
