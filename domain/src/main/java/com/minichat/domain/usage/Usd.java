package com.minichat.domain.usage;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** US dollars as the product stores them: whole millionths ("micros") in a {@code long}. */
public final class Usd {
  private static final BigDecimal MAX = BigDecimal.valueOf(Long.MAX_VALUE);
  private static final BigDecimal MIN = BigDecimal.valueOf(Long.MIN_VALUE);

  private Usd() {}

  /**
   * {@code dollars} in millionths, rounded half up; amounts beyond a {@code long} become its limit,
   * which every rule on money refuses.
   */
  public static long toMicros(BigDecimal dollars) {
    BigDecimal micros = dollars.movePointRight(6).setScale(0, RoundingMode.HALF_UP);
    return micros.max(MIN).min(MAX).longValueExact();
  }

  /** {@code micros} as an exact decimal number of dollars, without trailing zeros. */
  public static BigDecimal ofMicros(long micros) {
    return BigDecimal.valueOf(micros, 6).stripTrailingZeros();
  }
}
