package com.minichat.application.service.account;

import com.minichat.application.port.in.account.AuthenticateUserUseCase;
import com.minichat.application.port.in.account.LogInCommand;
import com.minichat.application.port.in.account.LogInUseCase;
import com.minichat.application.port.in.account.LoginResult;
import com.minichat.application.port.in.account.RegisterUserCommand;
import com.minichat.application.port.in.account.RegisterUserUseCase;
import com.minichat.application.port.out.security.PasswordHasher;
import com.minichat.application.port.out.security.TokenService;
import com.minichat.application.port.out.user.UserRepository;
import com.minichat.domain.common.AuthenticationException;
import com.minichat.domain.common.ConflictException;
import com.minichat.domain.common.Identifiers;
import com.minichat.domain.user.Email;
import com.minichat.domain.user.User;
import com.minichat.domain.user.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Registration, sign-in and token authentication of dashboard users. */
public final class AccountService
    implements RegisterUserUseCase, LogInUseCase, AuthenticateUserUseCase {
  private static final Logger LOG = LoggerFactory.getLogger(AccountService.class);
  private static final String BAD_CREDENTIALS = "E-mail or password is wrong";

  private final UserRepository users;
  private final PasswordHasher hasher;
  private final TokenService tokens;
  private final Clock clock;
  private volatile String decoyHash;

  public AccountService(
      UserRepository users, PasswordHasher hasher, TokenService tokens, Clock clock) {
    this.users = users;
    this.hasher = hasher;
    this.tokens = tokens;
    this.clock = clock;
  }

  @Override
  public User register(RegisterUserCommand command) {
    Email email = new Email(command.email());
    if (users.findByEmail(email).isPresent()) {
      throw new ConflictException("This e-mail is already registered");
    }
    Instant now = clock.instant();
    User user =
        new User(
            UserId.generate(),
            email,
            command.name().strip(),
            hasher.hash(command.password()),
            now,
            now);
    users.insert(user);
    LOG.info("user registered userId={}", user.id().value());
    return user;
  }

  @Override
  public LoginResult logIn(LogInCommand command) {
    Optional<User> found = users.findByEmail(new Email(command.email()));
    // An unknown e-mail costs the same hash check as a known one, so timing reveals nothing.
    String hash = found.map(User::passwordHash).orElseGet(this::decoyHash);
    boolean matches = hasher.matches(command.password(), hash);
    User user =
        found
            .filter(ignored -> matches)
            .orElseThrow(() -> new AuthenticationException(BAD_CREDENTIALS));
    LOG.info("user logged in userId={}", user.id().value());
    return new LoginResult(tokens.issueAccessToken(user.id()), user);
  }

  private String decoyHash() {
    String hash = decoyHash;
    if (hash == null) {
      hash = hasher.hash(Identifiers.random(16));
      decoyHash = hash;
    }
    return hash;
  }

  @Override
  public User authenticate(String accessToken) {
    UserId userId = tokens.verifyAccessToken(accessToken);
    return users
        .findById(userId)
        .orElseThrow(() -> new AuthenticationException("The account no longer exists"));
  }
}
