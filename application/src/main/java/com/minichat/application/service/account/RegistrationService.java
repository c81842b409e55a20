package com.minichat.application.service.account;

import com.minichat.application.port.in.account.ClientInfo;
import com.minichat.application.port.in.account.RegisterUserCommand;
import com.minichat.application.port.in.account.RegistrationUseCase;
import com.minichat.application.port.out.email.AccountMailer;
import com.minichat.application.port.out.ratelimit.RateLimiter;
import com.minichat.application.port.out.security.PasswordHasher;
import com.minichat.application.port.out.user.UserRepository;
import com.minichat.application.service.RateLimits;
import com.minichat.domain.audit.AuditEventType;
import com.minichat.domain.common.ValidationException;
import com.minichat.domain.common.Violations;
import com.minichat.domain.user.Email;
import com.minichat.domain.user.Passwords;
import com.minichat.domain.user.TokenPurpose;
import com.minichat.domain.user.User;
import com.minichat.domain.user.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Sign-up, e-mail verification and its re-sending, without revealing registered e-mails. */
public final class RegistrationService implements RegistrationUseCase {
  private final UserRepository users;
  private final PasswordHasher hasher;
  private final PasswordPolicy policy;
  private final OneTimeTokens oneTimeTokens;
  private final AccountMailer mailer;
  private final RateLimiter rateLimiter;
  private final Auditor auditor;
  private final AuthSettings settings;
  private final Clock clock;

  public RegistrationService(
      UserRepository users,
      PasswordHasher hasher,
      PasswordPolicy policy,
      OneTimeTokens oneTimeTokens,
      AccountMailer mailer,
      RateLimiter rateLimiter,
      Auditor auditor,
      AuthSettings settings,
      Clock clock) {
    this.users = users;
    this.hasher = hasher;
    this.policy = policy;
    this.oneTimeTokens = oneTimeTokens;
    this.mailer = mailer;
    this.rateLimiter = rateLimiter;
    this.auditor = auditor;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public User register(RegisterUserCommand command, ClientInfo client) {
    RateLimits.enforce(
        rateLimiter, settings.registration(), client.ip(), "Too many sign-ups; try again later");
    Violations violations = new Violations();
    Email email = null;
    try {
      email = new Email(command.email());
    } catch (ValidationException e) {
      e.violations().forEach(v -> violations.check(false, v.field(), v.issue()));
    }
    String name = command.name().strip();
    policy.check(
        command.password(),
        "password",
        email == null ? command.email().strip() : email.value(),
        name,
        List.of(),
        violations);
    violations.throwIfAny();
    // Hashed in both cases so that a registered e-mail does not answer faster.
    String passwordHash = hasher.hash(Passwords.normalise(command.password()));
    Instant now = clock.instant();
    User candidate =
        new User(UserId.generate(), email, name, passwordHash, now, now)
            .withProfile(name, command.language(), now);
    Optional<User> existing = users.findByEmail(email);
    if (existing.isPresent()) {
      return candidate;
    }
    users.insert(candidate);
    auditor.record(AuditEventType.REGISTERED, candidate.id(), client, "");
    sendVerification(candidate);
    return candidate;
  }

  @Override
  public void verifyEmail(String token, ClientInfo client) {
    UserId userId = oneTimeTokens.redeem(token, TokenPurpose.VERIFY_EMAIL);
    Instant now = clock.instant();
    users.findById(userId).ifPresent(user -> users.update(user.verified(now)));
    auditor.record(AuditEventType.EMAIL_VERIFIED, userId, client, "");
  }

  @Override
  public void resendVerification(String email, ClientInfo client) {
    RateLimits.enforce(
        rateLimiter,
        settings.verificationResend(),
        client.ip(),
        "Too many requests; try again later");
    users
        .findByEmail(new Email(email))
        .filter(user -> !user.emailVerified())
        .ifPresent(this::sendVerification);
  }

  private void sendVerification(User user) {
    mailer.sendVerification(
        user, oneTimeTokens.link(user.id(), TokenPurpose.VERIFY_EMAIL, "/verify-email"));
  }
}
