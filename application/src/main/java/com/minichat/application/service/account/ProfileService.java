package com.minichat.application.service.account;

import com.minichat.application.port.in.account.ProfileUseCase;
import com.minichat.application.port.in.account.RegisterUserCommand;
import com.minichat.application.port.out.user.UserRepository;
import com.minichat.domain.common.AuthenticationException;
import com.minichat.domain.common.Violations;
import com.minichat.domain.user.Language;
import com.minichat.domain.user.User;
import com.minichat.domain.user.UserId;
import java.time.Clock;
import java.util.Objects;
import java.util.Set;

/** Changes to the signed-in user's own name and language. */
public final class ProfileService implements ProfileUseCase {
  private final UserRepository users;
  private final Clock clock;

  public ProfileService(UserRepository users, Clock clock) {
    this.users = users;
    this.clock = clock;
  }

  @Override
  public User update(UserId userId, String name, String language) {
    new Violations()
        .check(name == null || !name.isBlank(), "name", "must not be empty")
        .text(name, "name", false, RegisterUserCommand.MAX_NAME)
        .check(
            language == null || Set.of(Language.THAI, Language.ENGLISH).contains(language),
            "language",
            "must be th or en")
        .throwIfAny();
    User user =
        users.findById(userId).orElseThrow(() -> new AuthenticationException("Sign in again"));
    User updated =
        user.withProfile(
            name == null ? user.name() : name.strip(),
            Objects.requireNonNullElse(language, user.language()),
            clock.instant());
    return users.update(updated);
  }
}
