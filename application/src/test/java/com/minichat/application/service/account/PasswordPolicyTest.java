package com.minichat.application.service.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.minichat.application.service.support.FakePasswordHasher;
import com.minichat.application.service.support.FakePasswordStrength;
import com.minichat.domain.common.FieldViolation;
import com.minichat.domain.common.ValidationException;
import com.minichat.domain.common.Violations;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {
  private static final String EMAIL = "somchai@example.com";
  private static final String NAME = "Somchai Jaidee";
  private static final String GOOD = "Correct-Horse-9";

  private static final String TOO_SHORT = "must be at least 8 characters";
  private static final String TOO_LONG = "must be at most 128 characters";
  private static final String NO_UPPER = "must contain an upper-case letter";
  private static final String NO_DIGIT = "must contain a digit";
  private static final String NO_SYMBOL = "must contain a symbol such as ! # or -";
  private static final String COMMON = "is too common; choose another";
  private static final String PERSONAL = "must not contain your e-mail address or name";
  private static final String WEAK = "is too easy to guess; make it longer or less predictable";

  private FakePasswordStrength strength;
  private FakePasswordHasher hasher;
  private PasswordPolicy policy;

  @BeforeEach
  void setUp() {
    strength = new FakePasswordStrength();
    hasher = new FakePasswordHasher();
    policy = new PasswordPolicy(PasswordRules.DEFAULT, strength, hasher);
  }

  private List<String> issues(String password) {
    return issues(password, EMAIL, NAME, List.of());
  }

  private List<String> issues(String password, String email, String name, List<String> used) {
    Violations violations = new Violations();
    policy.check(password, "password", email, name, used, violations);
    try {
      violations.throwIfAny();
      return List.of();
    } catch (ValidationException e) {
      e.violations().forEach(v -> assertEquals("password", v.field()));
      return e.violations().stream().map(FieldViolation::issue).toList();
    }
  }

  @Test
  void aGoodPasswordPasses() {
    assertEquals(List.of(), issues(GOOD));
  }

  @Test
  void violationsAreReportedOnTheGivenField() {
    Violations violations = new Violations();
    policy.check("short", "newPassword", EMAIL, NAME, List.of(), violations);

    ValidationException thrown = assertThrows(ValidationException.class, violations::throwIfAny);

    assertTrue(thrown.violations().stream().allMatch(v -> v.field().equals("newPassword")));
  }

  @Test
  void tooShort() {
    assertEquals(List.of(TOO_SHORT), issues("Ab-1xyz"));
    assertEquals(List.of(), issues("Ab-1xyzw"));
  }

  @Test
  void lengthCountsCharactersNotUtf16Units() {
    // 7 code points but 10 UTF-16 units.
    assertEquals(List.of(TOO_SHORT), issues("Ab1-\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00"));
  }

  @Test
  void tooLongIsRefusedNotTruncatedAndIsNotScored() {
    String tooLong = "Aa-1" + "x".repeat(125);

    assertEquals(List.of(TOO_LONG), issues(tooLong));
    assertEquals(List.of(), strength.userInputs(), "a too long password is not scored");
    assertEquals(List.of(), issues("Aa-1" + "x".repeat(124)));
  }

  @Test
  void missingUpperCaseDigitAndSymbolAreEachReported() {
    assertEquals(List.of(NO_UPPER), issues("correct-horse-9"));
    assertEquals(List.of(NO_DIGIT), issues("Correct-Horse-X"));
    assertEquals(List.of(NO_SYMBOL), issues("CorrectHorse9x"));
    assertEquals(List.of(NO_UPPER, NO_DIGIT, NO_SYMBOL), issues("correcthorsebattery"));
  }

  @Test
  void thaiConsonantsAreLettersNotSymbols() {
    assertEquals(List.of(NO_SYMBOL), issues("Aกขคงจฉช9"));
    assertEquals(List.of(), issues("Aกขคง-จฉช9"));
  }

  @Test
  void commonPasswordsAreRefusedWhateverTheirCase() {
    strength.withCommon("password-123");

    assertEquals(List.of(COMMON), issues("Password-123"));
  }

  @Test
  void aLowScoreIsRefused() {
    strength.scoring(GOOD, 2);

    assertEquals(List.of(WEAK), issues(GOOD));
  }

  @Test
  void theMinimumScoreIsAccepted() {
    strength.scoring(GOOD, PasswordRules.DEFAULT.minScore());

    assertEquals(List.of(), issues(GOOD));
  }

  @Test
  void theScoreConsidersTheEmailItsLocalPartAndTheNameParts() {
    issues(GOOD);

    assertEquals(
        List.of(List.of("somchai@example.com", "somchai", "somchai", "jaidee")),
        strength.userInputs());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"Somchai-Rocks-9", "My-SOMCHAI-9x", "Jaidee-Rocks-9", "X-9somchai@example.com"})
  void passwordsContainingTheEmailLocalPartOrANamePartAreRefused(String password) {
    assertEquals(List.of(PERSONAL), issues(password));
  }

  @Test
  void personalPartsShorterThanThreeCharactersAreIgnored() {
    assertEquals(List.of(), issues("Albatross-Run-9", "al@example.com", "Al Bo", List.of()));
  }

  @Test
  void aPasswordMatchingAnyUsedHashIsRefused() {
    List<String> used = List.of(hasher.hash("Old-Secret-1"), hasher.hash(GOOD));

    assertEquals(
        List.of("must not be your current password or one of your recent ones"),
        issues(GOOD, EMAIL, NAME, used));
    assertEquals(List.of(), issues("Brand-New-Secret-2", EMAIL, NAME, used));
  }

  @Test
  void everyBrokenRuleIsReportedAtOnce() {
    strength.withCommon("somchai").scoring("somchai", 0);

    assertEquals(
        List.of(
            TOO_SHORT,
            NO_UPPER,
            NO_DIGIT,
            NO_SYMBOL,
            COMMON,
            PERSONAL,
            WEAK,
            "must not be your current password or one of your recent ones"),
        issues("somchai", EMAIL, NAME, List.of(hasher.hash("somchai"))));
  }

  @Test
  void aTooLongPasswordReportsItsOtherRulesToo() {
    String tooLong = "somchai" + "x".repeat(130);

    assertEquals(List.of(TOO_LONG, NO_UPPER, NO_DIGIT, NO_SYMBOL, PERSONAL), issues(tooLong));
  }

  @Test
  void passwordsAreCheckedInTheirNfkcForm() {
    String fullWidth = "Ｃｏｒｒｅｃｔ－Ｈｏｒｓｅ－９";
    strength.withCommon(GOOD);

    assertEquals(List.of(COMMON), issues(fullWidth));
    assertEquals(
        List.of("must not be your current password or one of your recent ones"),
        issues("Ｂｒａｎｄ－Ｎｅｗ－１", EMAIL, NAME, List.of(hasher.hash("Brand-New-1"))));
  }

  @Test
  void otherRulesCanBeConfigured() {
    PasswordPolicy relaxed =
        new PasswordPolicy(new PasswordRules(12, false, false, false, 0), strength, hasher);
    strength.scoringAll(0);
    Violations ok = new Violations();
    Violations tooShort = new Violations();

    relaxed.check("lowercaseonly", "password", EMAIL, NAME, List.of(), ok);
    relaxed.check("lowercase", "password", EMAIL, NAME, List.of(), tooShort);

    ok.throwIfAny();
    ValidationException thrown = assertThrows(ValidationException.class, tooShort::throwIfAny);
    assertEquals(
        List.of(new FieldViolation("password", "must be at least 12 characters")),
        thrown.violations());
  }

  @Test
  void thaiVowelAndToneMarksAndSpacesAreNoSymbols() {
    assertTrue(
        issues("Maiเก่งมาก 99").contains("must contain a symbol such as ! # or -"),
        "combining Thai marks and a space must not pass the symbol rule");
    assertFalse(issues("Maiเก่งมาก-99").contains("must contain a symbol such as ! # or -"));
  }
}
