package com.minichat.application.service.account;

import static com.minichat.application.service.account.IdentityFixture.BASE_URL;
import static com.minichat.application.service.account.IdentityFixture.CLIENT;
import static com.minichat.application.service.account.IdentityFixture.EMAIL;
import static com.minichat.application.service.account.IdentityFixture.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.minichat.application.port.in.account.Session;
import com.minichat.application.service.support.RecordingAccountMailer.Kind;
import com.minichat.application.service.support.RecordingAccountMailer.Mail;
import com.minichat.application.service.support.ScriptedRateLimiter;
import com.minichat.domain.audit.AuditEventType;
import com.minichat.domain.common.AuthenticationException;
import com.minichat.domain.common.FieldViolation;
import com.minichat.domain.common.RateLimitedException;
import com.minichat.domain.common.ValidationException;
import com.minichat.domain.user.User;
import com.minichat.domain.user.UserId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PasswordServiceTest {
  private static final String NEW_PASSWORD = "Battery-Staple-7";
  private static final String NOT_CURRENT = "is not your current password";

  private IdentityFixture fx;
  private User user;

  @BeforeEach
  void setUp() {
    fx = new IdentityFixture();
    user = fx.existingUser();
  }

  private static List<FieldViolation> violations(Runnable action) {
    return assertThrows(ValidationException.class, action::run).violations();
  }

  private Session change(String current, String next, String refreshToken) {
    return fx.passwords.change(user.id(), current, next, refreshToken, CLIENT);
  }

  private String forgotToken() {
    fx.passwords.forgot(EMAIL, CLIENT);
    return fx.mailer.last(Kind.PASSWORD_RESET).token();
  }

  // --- change ---

  @Test
  void aChangeNeedsTheCurrentPassword() {
    assertEquals(
        List.of(new FieldViolation("currentPassword", NOT_CURRENT)),
        violations(() -> change("Wrong-Horse-9", NEW_PASSWORD, null)));
    assertEquals(
        List.of(new FieldViolation("currentPassword", NOT_CURRENT)),
        violations(() -> change(null, NEW_PASSWORD, null)));
    assertEquals(user, fx.reload(user));
    assertEquals(List.of(), fx.mailer.sent());
  }

  @Test
  void aWrongCurrentPasswordAndABadNewOneAreReportedTogether() {
    List<FieldViolation> found = violations(() -> change("Wrong-Horse-9", "weak", null));

    assertEquals(new FieldViolation("currentPassword", NOT_CURRENT), found.getFirst());
    assertTrue(
        found.contains(new FieldViolation("newPassword", "must be at least 8 characters")),
        found.toString());
  }

  @Test
  void aNewPasswordIsRequired() {
    assertEquals(
        List.of(new FieldViolation("newPassword", "is required")),
        violations(() -> change(PASSWORD, "", null)));
    assertEquals(
        List.of(new FieldViolation("newPassword", "is required")),
        violations(() -> change(PASSWORD, null, null)));
  }

  @Test
  void theCurrentPasswordCannotBeTheNewOne() {
    assertEquals(
        List.of(
            new FieldViolation(
                "newPassword", "must not be your current password or one of your recent ones")),
        violations(() -> change(PASSWORD, PASSWORD, null)));
  }

  @Test
  void theNewPasswordMustNotContainTheAccountsName() {
    assertEquals(
        List.of(new FieldViolation("newPassword", "must not contain your e-mail address or name")),
        violations(() -> change(PASSWORD, "Jaidee-Rocks-9", null)));
  }

  @Test
  void theCurrentAndTheLastFourPasswordsCannotBeReused() {
    List<String> history =
        List.of(
            PASSWORD,
            "History-One-1",
            "History-Two-2",
            "History-Three-3",
            "History-Four-4",
            "History-Five-5");
    for (int i = 1; i < history.size(); i++) {
      change(history.get(i - 1), history.get(i), null);
    }
    String current = history.getLast();

    for (String used : history.subList(1, history.size())) {
      assertEquals(
          List.of(
              new FieldViolation(
                  "newPassword", "must not be your current password or one of your recent ones")),
          violations(() -> change(current, used, null)),
          used);
    }
    change(current, PASSWORD, null);
    assertEquals(fx.hasher.hash(PASSWORD), fx.reload(user).passwordHash());
  }

  @Test
  void aChangeStoresTheNewHashAndEndsOtherSessionsButKeepsTheCallers() {
    Session mine = fx.logIn();
    Session other = fx.logIn();
    fx.clock.advance(Duration.ofMinutes(1));

    Session renewed = change(PASSWORD, "Ｂａｔｔｅｒｙ－Ｓｔａｐｌｅ－７", mine.refreshToken());

    User stored = fx.reload(user);
    assertEquals(fx.hasher.hash(NEW_PASSWORD), stored.passwordHash());
    assertEquals(List.of(user.passwordHash()), stored.previousPasswordHashes());
    assertEquals(user.sessionVersion() + 1, stored.sessionVersion());
    assertEquals(
        fx.stored(mine.refreshToken()).familyId(), fx.stored(renewed.refreshToken()).familyId());
    assertNotEquals(mine.refreshToken(), renewed.refreshToken());
    assertNotNull(fx.stored(other.refreshToken()).revokedAt());
    assertNull(fx.stored(renewed.refreshToken()).revokedAt());
    assertEquals(user.id(), fx.sessions.authenticate(renewed.accessToken()).id());
    assertThrows(AuthenticationException.class, () -> fx.sessions.authenticate(mine.accessToken()));
    assertThrows(
        AuthenticationException.class, () -> fx.sessions.authenticate(other.accessToken()));
    assertThrows(
        AuthenticationException.class, () -> fx.sessions.refresh(other.refreshToken(), CLIENT));
    fx.sessions.refresh(renewed.refreshToken(), CLIENT);
  }

  @Test
  void aChangeMailsANoticeAndIsAudited() {
    change(PASSWORD, NEW_PASSWORD, null);

    Mail mail = fx.mailer.last(Kind.PASSWORD_CHANGED);
    assertEquals(fx.reload(user), mail.user());
    assertEquals(List.of(AuditEventType.PASSWORD_CHANGED), fx.auditTypes());
  }

  @Test
  void afterAChangeOnlyTheNewPasswordSignsIn() {
    change(PASSWORD, NEW_PASSWORD, null);

    assertThrows(AuthenticationException.class, () -> fx.attemptLogIn(EMAIL, PASSWORD));
    fx.logIn(EMAIL, NEW_PASSWORD);
  }

  @Test
  void aChangeWithoutTheCallersTokenEndsEverySessionAndStartsANewOne() {
    Session old = fx.logIn();

    Session fresh = change(PASSWORD, NEW_PASSWORD, null);

    assertNotNull(fx.stored(old.refreshToken()).revokedAt());
    assertNotEquals(
        fx.stored(old.refreshToken()).familyId(), fx.stored(fresh.refreshToken()).familyId());
    assertEquals(user.id(), fx.sessions.authenticate(fresh.accessToken()).id());
  }

  @Test
  void anUnknownUserCannotChangeAPassword() {
    assertThrows(
        AuthenticationException.class,
        () -> fx.passwords.change(new UserId("gone"), PASSWORD, NEW_PASSWORD, null, CLIENT));
  }

  // --- forgot ---

  @Test
  void forgotMailsAResetLinkToAKnownEmail() {
    fx.passwords.forgot("  SOMCHAI@example.com", CLIENT);

    Mail mail = fx.mailer.last(Kind.PASSWORD_RESET);
    assertEquals(user.id(), mail.user().id());
    assertTrue(mail.link().startsWith(BASE_URL + "/reset-password?token="), mail.link());
    assertEquals(List.of(AuditEventType.PASSWORD_RESET_REQUESTED), fx.auditTypes());
  }

  @Test
  void forgotSendsNothingForAnUnknownEmail() {
    fx.passwords.forgot("nobody@example.com", CLIENT);

    assertEquals(List.of(), fx.mailer.sent());
    assertEquals(List.of(), fx.oneTimeTokenStore.all());
    assertEquals(List.of(), fx.auditLog.all());
  }

  @Test
  void forgotIsRateLimited() {
    ScriptedRateLimiter limiter = ScriptedRateLimiter.refusingEverything(Duration.ofMinutes(9));
    fx = new IdentityFixture(limiter);
    fx.existingUser();

    RateLimitedException thrown =
        assertThrows(RateLimitedException.class, () -> fx.passwords.forgot(EMAIL, CLIENT));

    assertEquals(Duration.ofMinutes(9), thrown.retryAfter());
    assertEquals(
        List.of(new ScriptedRateLimiter.Request(fx.settings.passwordReset(), CLIENT.ip())),
        limiter.requests());
    assertEquals(List.of(), fx.mailer.sent());
  }

  @Test
  void onlyTheNewestResetLinkWorks() {
    String first = forgotToken();
    String second = forgotToken();

    assertThrows(ValidationException.class, () -> fx.passwords.reset(first, NEW_PASSWORD, CLIENT));
    fx.passwords.reset(second, NEW_PASSWORD, CLIENT);
  }

  // --- reset ---

  @Test
  void aResetSetsTheNewPasswordAndEndsEverySession() {
    Session first = fx.logIn();
    Session second = fx.logIn();
    String token = forgotToken();

    fx.passwords.reset(token, NEW_PASSWORD, CLIENT);

    User stored = fx.reload(user);
    assertEquals(fx.hasher.hash(NEW_PASSWORD), stored.passwordHash());
    assertEquals(user.sessionVersion() + 1, stored.sessionVersion());
    for (Session session : List.of(first, second)) {
      assertNotNull(fx.stored(session.refreshToken()).revokedAt());
      assertThrows(
          AuthenticationException.class, () -> fx.sessions.refresh(session.refreshToken(), CLIENT));
      assertThrows(
          AuthenticationException.class, () -> fx.sessions.authenticate(session.accessToken()));
    }
    assertEquals(AuditEventType.PASSWORD_RESET, fx.auditLog.all().getLast().type());
    assertEquals(stored, fx.mailer.last(Kind.PASSWORD_CHANGED).user());
    fx.logIn(EMAIL, NEW_PASSWORD);
    assertThrows(AuthenticationException.class, () -> fx.attemptLogIn(EMAIL, PASSWORD));
  }

  @Test
  void aResetLinkIsSingleUse() {
    String token = forgotToken();
    fx.passwords.reset(token, NEW_PASSWORD, CLIENT);

    assertThrows(
        ValidationException.class, () -> fx.passwords.reset(token, "Another-Pass-8", CLIENT));
    assertEquals(fx.hasher.hash(NEW_PASSWORD), fx.reload(user).passwordHash());
  }

  @Test
  void aResetLinkIsValidForOneHour() {
    String token = forgotToken();
    fx.clock.advance(Duration.ofHours(1));

    assertThrows(ValidationException.class, () -> fx.passwords.reset(token, NEW_PASSWORD, CLIENT));
    assertEquals(user.passwordHash(), fx.reload(user).passwordHash());
  }

  @Test
  void aResetLinkStillWorksJustBeforeTheHourEnds() {
    String token = forgotToken();
    fx.clock.advance(Duration.ofMinutes(59).plusSeconds(59));

    fx.passwords.reset(token, NEW_PASSWORD, CLIENT);

    assertEquals(fx.hasher.hash(NEW_PASSWORD), fx.reload(user).passwordHash());
  }

  @Test
  void aRefusedNewPasswordDoesNotSpendTheResetLink() {
    String token = forgotToken();

    List<FieldViolation> found = violations(() -> fx.passwords.reset(token, "weak", CLIENT));
    assertTrue(found.stream().allMatch(v -> v.field().equals("newPassword")), found.toString());
    assertEquals(
        List.of(
            new FieldViolation(
                "newPassword", "must not be your current password or one of your recent ones")),
        violations(() -> fx.passwords.reset(token, PASSWORD, CLIENT)));
    assertEquals(user, fx.reload(user));

    fx.passwords.reset(token, NEW_PASSWORD, CLIENT);

    assertEquals(fx.hasher.hash(NEW_PASSWORD), fx.reload(user).passwordHash());
  }

  @Test
  void aResetLiftsALock() {
    for (int i = 0; i < 5; i++) {
      assertThrows(AuthenticationException.class, () -> fx.attemptLogIn(EMAIL, "Wrong-Horse-9"));
    }
    String token = forgotToken();

    fx.passwords.reset(token, NEW_PASSWORD, CLIENT);

    fx.logIn(EMAIL, NEW_PASSWORD);
  }

  @Test
  void aResetWithAForgedTokenIsRefused() {
    assertThrows(
        ValidationException.class, () -> fx.passwords.reset("forged", NEW_PASSWORD, CLIENT));
    assertThrows(ValidationException.class, () -> fx.passwords.reset(null, NEW_PASSWORD, CLIENT));
  }
}
