package dev.migrate.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one money assertion of the test suite. {@link #assertUsd} checks an amount to the
 * precision its expected value is written with, and at least to the cent: the actual amount,
 * rounded half-even to that many decimals, equals the expected one. Write {@code "12.34"} or
 * {@code "403"} to check to the cent, {@code "0.0116"} for a unit price to four decimals,
 * {@code "920.54794520547945205"} for a figure that does not terminate; two computed figures
 * agree to the cent with {@code assertUsd(cents(a), b)}.
 */
public final class Money {
  /** Decimals of a cent: the least precision {@link #assertUsd} checks. */
  private static final int CENT_DECIMALS = 2;

  private Money() {}

  public static void assertUsd(String expected, BigDecimal actual) {
    assertUsd(expected, actual, "amount");
  }

  public static void assertUsd(String expected, BigDecimal actual, String what) {
    BigDecimal e = new BigDecimal(expected);
    int decimals = Math.max(CENT_DECIMALS, e.scale());
    assertEquals(e.setScale(decimals, RoundingMode.HALF_EVEN),
        actual == null ? null : actual.setScale(decimals, RoundingMode.HALF_EVEN),
        () -> what + ": expected " + expected + " but was " + (actual == null ? null : actual.toPlainString()));
  }

  /** An amount read back as a double (a workbook cell), exactly as the double prints. */
  public static void assertUsd(String expected, double actual, String what) {
    assertUsd(expected, BigDecimal.valueOf(actual), what);
  }

  /** {@code amount} written to the cent (half-even), as {@link #assertUsd} expects it. */
  public static String cents(BigDecimal amount) {
    return amount.setScale(CENT_DECIMALS, RoundingMode.HALF_EVEN).toPlainString();
  }
}
