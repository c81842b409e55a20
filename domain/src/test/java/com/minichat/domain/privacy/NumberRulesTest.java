package com.minichat.domain.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NumberRulesTest {

  @Test
  void thaiIdCheckDigitFollowsTheModElevenRule() {
    assertTrue(NumberRules.isThaiId("1103702071811"));
    assertTrue(NumberRules.isThaiId("3100600123450"));
    assertFalse(NumberRules.isThaiId("1103702071812"));
    assertFalse(NumberRules.isThaiId("110370207181"));
  }

  @Test
  void luhnCheckAcceptsTestCardNumbersOnly() {
    assertTrue(NumberRules.passesLuhn("4111111111111111"));
    assertTrue(NumberRules.passesLuhn("378282246310005"));
    assertFalse(NumberRules.passesLuhn("4111111111111112"));
  }

  @Test
  void phoneKeysMakeInternationalAndDomesticThaiNumbersEqual() {
    assertEquals("0812345678", NumberRules.phoneKey("66812345678", true));
    assertEquals("0812345678", NumberRules.phoneKey("660812345678", true));
    assertEquals("0812345678", NumberRules.phoneKey("0812345678", false));
    assertEquals("+14155552671", NumberRules.phoneKey("14155552671", true));
  }
}
