package org.hedgesim.output;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * How numbers are written in result files: at most 10 significant digits, plain notation, no
 * trailing zeros, "." as decimal separator whatever the locale; NaN (no value) as an empty cell.
 * The same double always gives the same text.
 */
public final class Numbers {
  private static final MathContext DIGITS = new MathContext(10, RoundingMode.HALF_EVEN);

  private Numbers() {}

  /**
   * A p or q value: 6 significant digits in scientific notation ({@code 3.21000e-07}), so that a
   * tiny p value is a short cell instead of a decimal of a hundred digits; 0 and NaN as in
   * {@link #format}. Every tool that reads CSV numbers reads this form.
   */
  public static String probability(double p) {
    if (Double.isNaN(p)) return "";
    if (p == 0) return "0";
    return String.format(java.util.Locale.ROOT, "%.5e", p);
  }

  public static String format(double v) {
    if (Double.isNaN(v)) return "";
    if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
    if (v == 0) return "0";
    if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
    String s = new BigDecimal(v).round(DIGITS).stripTrailingZeros().toPlainString();
    return s.equals("-0") ? "0" : s;
  }
}
