package com.minichat.domain.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class PasswordsTest {

  @Test
  void fullWidthCharactersBecomeTheirAsciiForms() {
    assertEquals("Pass123!", Passwords.normalise("Ｐａｓｓ１２３！"));
  }

  @Test
  void composedAndDecomposedAccentsAreTheSamePassword() {
    assertEquals(Passwords.normalise("caf\u00e9"), Passwords.normalise("cafe\u0301"));
  }

  @Test
  void thaiSaraAmTypedAsOneOrTwoCharactersIsTheSamePassword() {
    assertEquals(Passwords.normalise("\u0e04\u0e33"), Passwords.normalise("\u0e04\u0e4d\u0e32"));
  }

  @Test
  void compatibilityLigaturesAreExpanded() {
    assertEquals("office", Passwords.normalise("o\ufb03ce"));
  }

  @Test
  void caseAndSpacesArePreserved() {
    assertEquals(" Mixed Case ", Passwords.normalise(" Mixed Case "));
    assertNotEquals(Passwords.normalise("abc"), Passwords.normalise("ABC"));
  }
}
