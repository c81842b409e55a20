package com.minichat.application.service.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.minichat.application.fake.InMemoryUserRepository;
import com.minichat.application.port.in.account.LogInCommand;
import com.minichat.application.port.in.account.LoginResult;
import com.minichat.application.port.in.account.RegisterUserCommand;
import com.minichat.application.service.support.FakePasswordHasher;
import com.minichat.application.service.support.FakeTokenService;
import com.minichat.application.service.support.TestClock;
import com.minichat.domain.common.AuthenticationException;
import com.minichat.domain.common.ConflictException;
import com.minichat.domain.common.ErrorCode;
import com.minichat.domain.common.FieldViolation;
import com.minichat.domain.common.ValidationException;
import com.minichat.domain.user.Email;
import com.minichat.domain.user.User;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccountServiceTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123Z");
  private static final String PASSWORD = "correct horse battery";

  private InMemoryUserRepository users;
  private FakePasswordHasher hasher;
  private FakeTokenService tokens;
  private AccountService accounts;

  @BeforeEach
  void setUp() {
    users = new InMemoryUserRepository();
    hasher = new FakePasswordHasher();
    tokens = new FakeTokenService();
    accounts = new AccountService(users, hasher, tokens, TestClock.fixedAt(T0));
  }

  private User registerOwner() {
    return accounts.register(new RegisterUserCommand("owner@example.com", PASSWORD, "Owner"));
  }

  private static List<String> fields(ValidationException e) {
    return e.violations().stream().map(FieldViolation::field).toList();
  }

  @Test
  void registerStoresAHashedPasswordAndANormalisedEmail() {
    User user =
        accounts.register(
            new RegisterUserCommand("  Owner@Example.COM ", PASSWORD, "  Somchai ใจดี "));

    assertEquals(List.of(user), users.all());
    assertEquals(new Email("owner@example.com"), user.email());
    assertEquals("owner@example.com", user.email().value());
    assertEquals("Somchai ใจดี", user.name());
    assertNotEquals(PASSWORD, user.passwordHash());
    assertTrue(hasher.matches(PASSWORD, user.passwordHash()));
    assertEquals(T0, user.createdAt());
    assertEquals(T0, user.updatedAt());
  }

  @Test
  void registeringATakenEmailIsAConflictWhateverItsCase() {
    User first = registerOwner();

    assertThrows(
        ConflictException.class,
        () ->
            accounts.register(
                new RegisterUserCommand(" OWNER@example.com", "another password", "Other")));
    assertEquals(List.of(first), users.all());
  }

  @Test
  void registerCommandReportsEveryMissingFieldAtOnce() {
    ValidationException e =
        assertThrows(ValidationException.class, () -> new RegisterUserCommand(null, " ", ""));

    assertEquals(
        List.of(
            new FieldViolation("email", "is required"),
            new FieldViolation("password", "is required"),
            new FieldViolation("name", "is required")),
        e.violations());
  }

  @Test
  void registerCommandChecksPasswordLength() {
    ValidationException tooShort =
        assertThrows(
            ValidationException.class,
            () ->
                new RegisterUserCommand(
                    "a@example.com", "x".repeat(RegisterUserCommand.MIN_PASSWORD - 1), "A"));
    ValidationException tooLong =
        assertThrows(
            ValidationException.class,
            () ->
                new RegisterUserCommand(
                    "a@example.com", "x".repeat(RegisterUserCommand.MAX_PASSWORD + 1), "A"));

    assertEquals(List.of("password"), fields(tooShort));
    assertEquals(List.of("password"), fields(tooLong));
  }

  @Test
  void registerRefusesAMalformedEmailWithoutStoringAnything() {
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () -> accounts.register(new RegisterUserCommand("not-an-email", PASSWORD, "A")));

    assertEquals(List.of("email"), fields(e));
    assertEquals(List.of(), users.all());
  }

  @Test
  void logInCommandReportsEveryMissingFieldAtOnce() {
    ValidationException e =
        assertThrows(ValidationException.class, () -> new LogInCommand(null, ""));

    assertEquals(List.of("email", "password"), fields(e));
  }

  @Test
  void successfulLogInReturnsATokenTheTokenServiceVerifies() {
    User user = registerOwner();

    LoginResult result = accounts.logIn(new LogInCommand(" Owner@EXAMPLE.com ", PASSWORD));

    assertEquals(user, result.user());
    assertEquals(user.id(), tokens.verifyAccessToken(result.accessToken()));
    assertEquals(user, accounts.authenticate(result.accessToken()));
  }

  @Test
  void wrongPasswordAndUnknownEmailFailAlike() {
    registerOwner();

    AuthenticationException wrongPassword =
        assertThrows(
            AuthenticationException.class,
            () -> accounts.logIn(new LogInCommand("owner@example.com", "wrong password")));
    AuthenticationException unknownEmail =
        assertThrows(
            AuthenticationException.class,
            () -> accounts.logIn(new LogInCommand("nobody@example.com", PASSWORD)));

    assertEquals(ErrorCode.AUTHENTICATION_FAILED, wrongPassword.code());
    assertEquals(wrongPassword.getMessage(), unknownEmail.getMessage());
    assertEquals(wrongPassword.code(), unknownEmail.code());
  }

  @Test
  void anUnknownEmailCostsAPasswordCheckLikeAKnownOne() {
    registerOwner();
    int before = hasher.checked().size();

    assertThrows(
        AuthenticationException.class,
        () -> accounts.logIn(new LogInCommand("nobody@example.com", PASSWORD)));

    assertEquals(before + 1, hasher.checked().size(), "a decoy hash is checked");
  }

  @Test
  void theStoredHashIsNotAcceptedAsThePassword() {
    User user = registerOwner();

    assertThrows(
        AuthenticationException.class,
        () -> accounts.logIn(new LogInCommand("owner@example.com", user.passwordHash())));
  }

  @Test
  void authenticateRefusesATokenWhoseUserNoLongerExists() {
    registerOwner();
    String token = accounts.logIn(new LogInCommand("owner@example.com", PASSWORD)).accessToken();
    // The same tokens, but a store where the user has been deleted.
    AccountService afterDeletion =
        new AccountService(new InMemoryUserRepository(), hasher, tokens, TestClock.fixedAt(T0));

    assertThrows(AuthenticationException.class, () -> afterDeletion.authenticate(token));
  }

  @Test
  void authenticateRefusesATokenTheTokenServiceRejects() {
    registerOwner();

    assertThrows(AuthenticationException.class, () -> accounts.authenticate("forged"));
  }
}
