package com.minichat.application.service.account;

import static com.minichat.application.service.account.IdentityFixture.BASE_URL;
import static com.minichat.application.service.account.IdentityFixture.CLIENT;
import static com.minichat.application.service.account.IdentityFixture.EMAIL;
import static com.minichat.application.service.account.IdentityFixture.NAME;
import static com.minichat.application.service.account.IdentityFixture.PASSWORD;
import static com.minichat.application.service.account.IdentityFixture.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.minichat.application.port.in.account.RegisterUserCommand;
import com.minichat.application.port.in.account.Session;
import com.minichat.application.port.out.security.PasswordHasher;
import com.minichat.application.service.support.RecordingAccountMailer.Kind;
import com.minichat.application.service.support.RecordingAccountMailer.Mail;
import com.minichat.application.service.support.ScriptedRateLimiter;
import com.minichat.domain.audit.AuditEventType;
import com.minichat.domain.common.FieldViolation;
import com.minichat.domain.common.RateLimitedException;
import com.minichat.domain.common.ValidationException;
import com.minichat.domain.user.Email;
import com.minichat.domain.user.Language;
import com.minichat.domain.user.User;
import com.minichat.domain.user.UserId;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RegistrationServiceTest {
  private IdentityFixture fx;

  @BeforeEach
  void setUp() {
    fx = new IdentityFixture();
  }

  private User register(String email, String password) {
    return fx.registration.register(
        new RegisterUserCommand(email, password, NAME, Language.ENGLISH), CLIENT);
  }

  private static List<String> issuesOf(ValidationException e, String field) {
    return e.violations().stream()
        .filter(v -> v.field().equals(field))
        .map(FieldViolation::issue)
        .toList();
  }

  private void assertNothingHappened() {
    assertEquals(List.of(), fx.users.all());
    assertEquals(List.of(), fx.mailer.sent());
    assertEquals(List.of(), fx.auditLog.all());
    assertEquals(List.of(), fx.oneTimeTokenStore.all());
  }

  @Test
  void registerStoresTheNormalisedAccountAndTheHashOfTheNfkcPassword() {
    User user =
        fx.registration.register(
            new RegisterUserCommand(
                "  Somchai@Example.COM ", "Ｃｏｒｒｅｃｔ－Ｈｏｒｓｅ－９", "  Somchai Jaidee ", "th-TH"),
            CLIENT);

    User stored = fx.users.all().getFirst();
    assertEquals(user, stored);
    assertEquals(EMAIL, stored.email().value());
    assertEquals("Somchai Jaidee", stored.name());
    assertEquals(Language.THAI, stored.language());
    assertEquals(fx.hasher.hash(PASSWORD), stored.passwordHash());
    assertFalse(stored.emailVerified());
    assertEquals(0, stored.sessionVersion());
    assertEquals(T0, stored.createdAt());
    assertEquals(List.of(AuditEventType.REGISTERED), fx.auditTypes());
    assertEquals(user.id(), fx.auditLog.all().getFirst().userId());
  }

  @Test
  void theNormalisedPasswordSignsIn() {
    register(EMAIL, "Ｃｏｒｒｅｃｔ－Ｈｏｒｓｅ－９");

    Session session = fx.logIn(EMAIL, PASSWORD);

    assertEquals(EMAIL, session.user().email().value());
  }

  @Test
  void withoutALanguageTheAccountIsEnglish() {
    fx.registration.register(new RegisterUserCommand(EMAIL, PASSWORD, NAME, null), CLIENT);

    assertEquals(Language.ENGLISH, fx.users.all().getFirst().language());
  }

  @Test
  void registerSendsAVerificationLinkToTheNewUser() {
    User user = register(EMAIL, PASSWORD);

    Mail mail = fx.mailer.last(Kind.VERIFICATION);
    assertEquals(1, fx.mailer.sent().size());
    assertEquals(user, mail.user());
    assertTrue(mail.link().startsWith(BASE_URL + "/verify-email?token="), mail.link());
  }

  @Test
  void theVerificationLinkVerifiesOnce() {
    User user = register(EMAIL, PASSWORD);
    String token = fx.mailer.last(Kind.VERIFICATION).token();
    fx.clock.advance(Duration.ofHours(23));

    fx.registration.verifyEmail(token, CLIENT);

    assertTrue(fx.reload(user).emailVerified());
    assertEquals(
        List.of(AuditEventType.REGISTERED, AuditEventType.EMAIL_VERIFIED), fx.auditTypes());
    assertThrows(ValidationException.class, () -> fx.registration.verifyEmail(token, CLIENT));
  }

  @Test
  void theVerificationLinkExpiresAfterOneDay() {
    User user = register(EMAIL, PASSWORD);
    String token = fx.mailer.last(Kind.VERIFICATION).token();
    fx.clock.advance(Duration.ofHours(24));

    assertThrows(ValidationException.class, () -> fx.registration.verifyEmail(token, CLIENT));
    assertFalse(fx.reload(user).emailVerified());
  }

  @Test
  void anotherTokenDoesNotVerify() {
    register(EMAIL, PASSWORD);

    assertThrows(ValidationException.class, () -> fx.registration.verifyEmail("forged", CLIENT));
    assertThrows(ValidationException.class, () -> fx.registration.verifyEmail(null, CLIENT));
  }

  @Test
  void anAlreadyRegisteredEmailStoresAndSendsNothingButAnswersAlike() {
    AtomicInteger hashes = new AtomicInteger();
    fx =
        new IdentityFixture(
            ScriptedRateLimiter.allowingEverything(),
            fake ->
                new PasswordHasher() {
                  @Override
                  public String hash(String password) {
                    hashes.incrementAndGet();
                    return fake.hash(password);
                  }

                  @Override
                  public boolean matches(String password, String hash) {
                    return fake.matches(password, hash);
                  }

                  @Override
                  public boolean needsRehash(String hash) {
                    return fake.needsRehash(hash);
                  }
                });
    User existing = fx.existingUser(EMAIL, "Original-Pass-1");
    int hashesBefore = hashes.get();

    User answer =
        fx.registration.register(
            new RegisterUserCommand("SOMCHAI@example.com", "Another-Pass-2", "Intruder", "th"),
            CLIENT);

    assertEquals(List.of(existing), fx.users.all());
    assertEquals(List.of(), fx.mailer.sent());
    assertEquals(List.of(), fx.auditLog.all());
    assertEquals(List.of(), fx.oneTimeTokenStore.all());
    assertEquals(1, hashes.get() - hashesBefore, "the password is hashed all the same");
    assertEquals(EMAIL, answer.email().value());
    assertEquals("Intruder", answer.name());
    assertEquals(Language.THAI, answer.language());
    assertFalse(answer.emailVerified());
    assertNotEquals(existing.id(), answer.id());
    assertEquals(T0, answer.createdAt());
  }

  @Test
  void everyBrokenPasswordRuleIsReportedTogether() {
    fx.strength.withCommon("jaidee").scoring("jaidee", 1);

    ValidationException thrown =
        assertThrows(ValidationException.class, () -> register(EMAIL, "jaidee"));

    assertEquals(
        List.of(
            "must be at least 8 characters",
            "must contain an upper-case letter",
            "must contain a digit",
            "must contain a symbol such as ! # or -",
            "is too common; choose another",
            "must not contain your e-mail address or name",
            "is too easy to guess; make it longer or less predictable"),
        issuesOf(thrown, "password"));
    assertNothingHappened();
  }

  private List<String> passwordIssues(String email, String password, String name) {
    ValidationException thrown =
        assertThrows(
            ValidationException.class,
            () ->
                fx.registration.register(
                    new RegisterUserCommand(email, password, name, Language.ENGLISH), CLIENT));
    return issuesOf(thrown, "password");
  }

  @Test
  void aPasswordContainingTheEmailLocalPartIsRefused() {
    assertEquals(
        List.of("must not contain your e-mail address or name"),
        passwordIssues("Somchai@Example.com", "Somchai-Rocks-9", "Noi Dee"));
  }

  @Test
  void aPasswordContainingANamePartIsRefused() {
    assertEquals(
        List.of("must not contain your e-mail address or name"),
        passwordIssues("noi@example.com", "Jaidee-Rocks-9", NAME));
  }

  /**
   * The e-mail is stored stripped, so the personal-data rule must look at the stripped address too;
   * otherwise padding the address with spaces switches the rule off.
   */
  @Test
  void anEmailTypedWithSurroundingSpacesStillCountsAsPersonalData() {
    assertEquals(
        List.of("must not contain your e-mail address or name"),
        passwordIssues("  somchai@example.com ", "Somchai-Rocks-9", "Noi Dee"));
  }

  @Test
  void aTooLongPasswordIsRefused() {
    ValidationException thrown =
        assertThrows(ValidationException.class, () -> register(EMAIL, "Aa-1" + "x".repeat(125)));

    assertEquals(List.of("must be at most 128 characters"), issuesOf(thrown, "password"));
    assertNothingHappened();
  }

  @Test
  void anInvalidEmailIsReportedWithThePasswordRules() {
    ValidationException thrown =
        assertThrows(ValidationException.class, () -> register("not-an-address", "short"));

    assertEquals(
        List.of("must be an e-mail address like name@example.com"), issuesOf(thrown, "email"));
    assertFalse(issuesOf(thrown, "password").isEmpty());
    assertNothingHappened();
  }

  @Test
  void aRefusedRateLimitStopsEverythingBeforeValidation() {
    fx = new IdentityFixture(ScriptedRateLimiter.refusingEverything(Duration.ofMinutes(20)));
    ScriptedRateLimiter limiter = (ScriptedRateLimiter) fx.rateLimiter;

    RateLimitedException good =
        assertThrows(RateLimitedException.class, () -> register(EMAIL, PASSWORD));
    RateLimitedException bad =
        assertThrows(RateLimitedException.class, () -> register("bad", "bad"));

    assertEquals(Duration.ofMinutes(20), good.retryAfter());
    assertEquals(3, good.limit());
    assertInstanceOf(RateLimitedException.class, bad);
    assertEquals(
        List.of(
            new ScriptedRateLimiter.Request(fx.settings.registration(), CLIENT.ip()),
            new ScriptedRateLimiter.Request(fx.settings.registration(), CLIENT.ip())),
        limiter.requests());
    assertNothingHappened();
  }

  @Test
  void registrationTakesAPermitPerClientIp() {
    ScriptedRateLimiter limiter = ScriptedRateLimiter.allowingEverything();
    fx = new IdentityFixture(limiter);

    register(EMAIL, PASSWORD);

    assertEquals(
        List.of(new ScriptedRateLimiter.Request(fx.settings.registration(), "203.0.113.7")),
        limiter.requests());
  }

  @Test
  void resendSendsANewLinkToAnUnverifiedAccountAndTheOldOneStopsWorking() {
    User user = register(EMAIL, PASSWORD);
    String first = fx.mailer.last(Kind.VERIFICATION).token();

    fx.registration.resendVerification("Somchai@Example.com", CLIENT);

    String second = fx.mailer.last(Kind.VERIFICATION).token();
    assertEquals(2, fx.mailer.sent(Kind.VERIFICATION).size());
    assertNotEquals(first, second);
    assertThrows(ValidationException.class, () -> fx.registration.verifyEmail(first, CLIENT));
    fx.registration.verifyEmail(second, CLIENT);
    assertTrue(fx.reload(user).emailVerified());
  }

  @Test
  void resendSendsNothingToAVerifiedAccount() {
    register(EMAIL, PASSWORD);
    fx.registration.verifyEmail(fx.mailer.last(Kind.VERIFICATION).token(), CLIENT);

    fx.registration.resendVerification(EMAIL, CLIENT);

    assertEquals(1, fx.mailer.sent().size());
  }

  @Test
  void resendSendsNothingForAnUnknownEmail() {
    fx.registration.resendVerification("nobody@example.com", CLIENT);

    assertEquals(List.of(), fx.mailer.sent());
    assertEquals(List.of(), fx.oneTimeTokenStore.all());
  }

  @Test
  void resendIsRateLimitedWithItsOwnBudget() {
    ScriptedRateLimiter limiter = ScriptedRateLimiter.refusingEverything(Duration.ofMinutes(5));
    fx = new IdentityFixture(limiter);
    fx.users.insert(new User(UserId.generate(), new Email(EMAIL), NAME, "hash", T0, T0));

    assertThrows(
        RateLimitedException.class, () -> fx.registration.resendVerification(EMAIL, CLIENT));

    assertEquals(
        List.of(new ScriptedRateLimiter.Request(fx.settings.verificationResend(), CLIENT.ip())),
        limiter.requests());
    assertEquals(List.of(), fx.mailer.sent());
  }
}
