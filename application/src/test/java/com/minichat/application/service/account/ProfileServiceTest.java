package com.minichat.application.service.account;

import static com.minichat.application.service.account.IdentityFixture.NAME;
import static com.minichat.application.service.account.IdentityFixture.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.minichat.domain.common.AuthenticationException;
import com.minichat.domain.common.FieldViolation;
import com.minichat.domain.common.ValidationException;
import com.minichat.domain.user.Language;
import com.minichat.domain.user.User;
import com.minichat.domain.user.UserId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProfileServiceTest {
  private IdentityFixture fx;
  private User user;

  @BeforeEach
  void setUp() {
    fx = new IdentityFixture();
    user = fx.existingUser();
  }

  private List<FieldViolation> violations(String name, String language) {
    return assertThrows(
            ValidationException.class, () -> fx.profile.update(user.id(), name, language))
        .violations();
  }

  @Test
  void updatesNameAndLanguage() {
    fx.clock.advance(Duration.ofMinutes(2));

    User updated = fx.profile.update(user.id(), "  Somying Jaidee ", Language.THAI);

    assertEquals("Somying Jaidee", updated.name());
    assertEquals(Language.THAI, updated.language());
    assertEquals(T0.plus(Duration.ofMinutes(2)), updated.updatedAt());
    assertEquals(updated, fx.reload(user));
    assertEquals(user.sessionVersion(), updated.sessionVersion());
    assertEquals(user.passwordHash(), updated.passwordHash());
  }

  @Test
  void absentFieldsStayAsTheyWere() {
    fx.profile.update(user.id(), null, Language.THAI);
    User updated = fx.profile.update(user.id(), "New Name", null);

    assertEquals("New Name", updated.name());
    assertEquals(Language.THAI, updated.language());
    assertEquals(NAME, fx.profile.update(user.id(), NAME, null).name());
  }

  @Test
  void aBlankNameIsRefused() {
    assertEquals(List.of(new FieldViolation("name", "must not be empty")), violations("  ", null));
  }

  @Test
  void aTooLongNameIsRefused() {
    assertEquals(
        List.of(new FieldViolation("name", "must be at most 100 characters")),
        violations("x".repeat(101), null));
    assertEquals("x".repeat(100), fx.profile.update(user.id(), "x".repeat(100), null).name());
  }

  @ParameterizedTest
  @ValueSource(strings = {"fr", "TH", "th-TH", "", "english"})
  void onlyThOrEnAreLanguages(String language) {
    assertEquals(
        List.of(new FieldViolation("language", "must be th or en")), violations(null, language));
  }

  @Test
  void everyBrokenRuleIsReportedAndNothingChanges() {
    assertEquals(
        List.of(
            new FieldViolation("name", "must not be empty"),
            new FieldViolation("language", "must be th or en")),
        violations("", "de"));
    assertEquals(user, fx.reload(user));
  }

  @Test
  void anUnknownUserMustSignInAgain() {
    assertThrows(
        AuthenticationException.class, () -> fx.profile.update(new UserId("gone"), "Name", "en"));
  }
}
