package com.minichat.domain.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MaskingTest {
  @Test
  void showsOnlyTheStartAndTheLastFourCharacters() {
    assertEquals("sk-…cdef", Masking.mask("sk-live-1234567890abcdef"));
    assertEquals("whs…WXYZ", Masking.mask(" whsec_abcdefghijklmnopqrstuvWXYZ "));
  }

  @Test
  void shortSecretsRevealAlmostNothing() {
    assertEquals("…78", Masking.mask("12345678"));
  }
}
