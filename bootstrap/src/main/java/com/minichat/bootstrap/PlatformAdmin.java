package com.minichat.bootstrap;

import com.minichat.application.port.out.security.PasswordHasher;
import com.minichat.application.port.out.user.UserRepository;
import com.minichat.bootstrap.config.Settings.AdminSettings;
import com.minichat.domain.user.Email;
import com.minichat.domain.user.Passwords;
import com.minichat.domain.user.User;
import com.minichat.domain.user.UserId;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the account named by {@code ADMIN_EMAIL} a verified platform administrator at start,
 * creating it with {@code ADMIN_PASSWORD} when it does not exist.
 */
final class PlatformAdmin {
  private static final Logger LOG = LoggerFactory.getLogger(PlatformAdmin.class);

  private PlatformAdmin() {}

  static void ensure(
      AdminSettings admin, UserRepository users, PasswordHasher hasher, Clock clock) {
    Instant now = clock.instant();
    Email email = new Email(admin.email());
    User user =
        users
            .findByEmail(email)
            .orElseGet(
                () -> {
                  User created =
                      new User(
                          UserId.generate(),
                          email,
                          "Administrator",
                          hasher.hash(Passwords.normalise(admin.password())),
                          now,
                          now);
                  users.insert(created);
                  LOG.info("platform administrator created userId={}", created.id().value());
                  return created;
                });
    if (!user.platformAdmin() || !user.emailVerified()) {
      users.update(user.withPlatformAdmin(true, now).verified(now));
    }
  }
}
