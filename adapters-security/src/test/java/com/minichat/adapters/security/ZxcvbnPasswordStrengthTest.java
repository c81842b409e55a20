package com.minichat.adapters.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ZxcvbnPasswordStrengthTest {
  private static final ZxcvbnPasswordStrength STRENGTH = new ZxcvbnPasswordStrength();
  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$%&*+-=?@^_~";

  @ParameterizedTest
  @ValueSource(
      strings = {
        "password",
        "123456",
        "qwerty123",
        "iloveyou",
        "letmein",
        "dragon",
        "monkey",
        "trustno1",
        "sunshine"
      })
  void wellKnownPasswordsAreCommon(String password) {
    assertTrue(STRENGTH.isCommon(password), password);
  }

  @ParameterizedTest
  @ValueSource(strings = {"PASSWORD", "Password", "QWERTY123", "ILoveYou", "LetMeIn"})
  void lookupIgnoresCase(String password) {
    assertTrue(STRENGTH.isCommon(password), password);
  }

  @Test
  void randomStringsAreNotCommon() {
    SecureRandom random = new SecureRandom();
    for (int i = 0; i < 20; i++) {
      String password = randomString(random, 20);

      assertFalse(STRENGTH.isCommon(password), password);
    }
    assertFalse(STRENGTH.isCommon("vq8#Lm2@zT5!rW9xK3pN"));
  }

  @Test
  void nearMissesAreNotCommon() {
    assertFalse(STRENGTH.isCommon("password "));
    assertFalse(STRENGTH.isCommon("passw0rd-of-my-own-making"));
    assertFalse(STRENGTH.isCommon(""));
  }

  @Test
  void atLeastTheTenThousandMostCommonPasswordsAreKnown() {
    assertTrue(STRENGTH.commonPasswords().size() >= 10_000, "" + STRENGTH.commonPasswords().size());
    assertTrue(ZxcvbnPasswordStrength.MIN_COMMON_PASSWORDS >= 10_000);
  }

  @Test
  void listIsLoadedOncePerJvm() {
    ZxcvbnPasswordStrength second = new ZxcvbnPasswordStrength();

    assertTrue(second.isCommon("password"));
    assertSame(STRENGTH.commonPasswords(), second.commonPasswords());
  }

  @Test
  void weakPasswordsScoreLow() {
    assertTrue(STRENGTH.score("Password1!", List.of()) <= 1);
    assertEquals(0, STRENGTH.score("password", List.of()));
    assertEquals(0, STRENGTH.score("qwerty123", List.of()));
  }

  @Test
  void longRandomPassphrasesScoreHigh() {
    assertTrue(STRENGTH.score("plum tractor violet anchor", List.of()) >= 3);
    assertTrue(STRENGTH.score("correct horse battery staple", List.of()) >= 3);
    assertTrue(STRENGTH.score(randomString(new SecureRandom(), 20), List.of()) >= 3);
  }

  @Test
  void scoreStaysInZeroToFour() {
    for (String password : List.of("", "a", "Password1!", "plum tractor violet anchor 7#Q")) {
      int score = STRENGTH.score(password, List.of());
      assertTrue(score >= 0 && score <= 4, password + " -> " + score);
    }
  }

  @Test
  void passwordEqualToTheEmailLocalPartScoresLow() {
    String password = "kittenwhiskers1987";
    int alone = STRENGTH.score(password, List.of());
    int withEmail = STRENGTH.score(password, List.of("kittenwhiskers1987@example.com", "Kim Lee"));

    assertTrue(alone >= 3, "without user inputs: " + alone);
    assertEquals(0, withEmail);
  }

  @Test
  void passwordMadeOfTheUsersNameScoresLower() {
    String password = "vonstrandmargarethe";
    int alone = STRENGTH.score(password, List.of());
    int withName = STRENGTH.score(password, List.of("someone@example.com", "Margarethe Vonstrand"));

    assertTrue(alone >= 3, "without user inputs: " + alone);
    assertTrue(withName <= 1, "with the name: " + withName);
  }

  @Test
  void userInputsAreCaseInsensitive() {
    assertEquals(
        0, STRENGTH.score("KittenWhiskers1987", List.of("KITTENWHISKERS1987@Example.com")));
  }

  @Test
  void blankOrMissingUserInputsAreIgnored() {
    int alone = STRENGTH.score("plum tractor violet anchor", List.of());

    assertEquals(alone, STRENGTH.score("plum tractor violet anchor", Arrays.asList("", " ", null)));
  }

  @Test
  void userInputsAreExpandedIntoEmailPartsAndWords() {
    assertEquals(
        List.of("ann.lee@example.com", "ann.lee", "example.com", "ann", "lee", "example", "com"),
        ZxcvbnPasswordStrength.expand(List.of(" Ann.Lee@Example.com ")));
    assertEquals(
        List.of("margarethe von strand", "margarethe", "von", "strand"),
        ZxcvbnPasswordStrength.expand(List.of("Margarethe von Strand")));
    // fragments shorter than three characters are dropped, the whole input is always kept
    assertEquals(List.of("jo li"), ZxcvbnPasswordStrength.expand(List.of("Jo Li")));
  }

  @Test
  void thaiInputsAreSplitOnSpacesButNotOnVowelSigns() {
    assertEquals(
        List.of("สมชาย ใจดี", "สมชาย", "ใจดี"),
        ZxcvbnPasswordStrength.expand(List.of("สมชาย ใจดี")));
  }

  @Test
  void nullPasswordIsAProgrammingError() {
    assertThrows(NullPointerException.class, () -> STRENGTH.isCommon(null));
    assertThrows(NullPointerException.class, () -> STRENGTH.score(null, List.of()));
    assertThrows(NullPointerException.class, () -> STRENGTH.score("x", null));
  }

  private static String randomString(SecureRandom random, int length) {
    StringBuilder builder = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      builder.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return builder.toString();
  }
}
