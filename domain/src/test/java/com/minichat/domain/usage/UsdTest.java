package com.minichat.domain.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class UsdTest {
  @Test
  void dollarsAndMillionthsConvertBothWays() {
    assertEquals(25_500_000, Usd.toMicros(new BigDecimal("25.5")));
    assertEquals(150_000, Usd.toMicros(new BigDecimal("0.15")));
    assertEquals(1, Usd.toMicros(new BigDecimal("0.0000005")), "half a micro-dollar rounds up");
    assertEquals("25.5", Usd.ofMicros(25_500_000).toPlainString());
    assertEquals("0.000005", Usd.ofMicros(5).toPlainString());
  }

  @Test
  void amountsBeyondALongStopAtItsLimit() {
    assertEquals(Long.MAX_VALUE, Usd.toMicros(new BigDecimal("1e30")));
    assertEquals(Long.MIN_VALUE, Usd.toMicros(new BigDecimal("-1e30")));
  }
}
