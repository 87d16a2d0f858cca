package org.hedgesim.scenario;

import java.math.BigDecimal;

/**
 * The ranges of one numeric key. Outside its hard range the model's equations break or mean
 * nothing, and the file is refused; outside its plausible range the value is possible but no
 * study or stylised fact supports it, and the file gets a warning (an error under
 * {@code --strict}).
 *
 * @param key the key as the docs name it, for example {@code parameters.trust_half_life} or
 *     {@code actors.inducements.review_months}
 * @param low the lowest value allowed
 * @param lowOpen whether {@code low} itself is refused
 * @param high the highest value allowed
 * @param plausibleLow the lowest plausible value
 * @param plausibleHigh the highest plausible value
 * @param why what goes wrong outside the hard range, said in a few words
 */
public record ValueRange(String key, double low, boolean lowOpen, double high,
    double plausibleLow, double plausibleHigh, String why) {

  public ValueRange {
    if (low > plausibleLow || plausibleHigh > high || plausibleLow > plausibleHigh) {
      throw new IllegalArgumentException(key + ": the plausible range lies inside the hard range");
    }
  }

  /** Whether a value is inside the hard range. */
  public boolean allows(double v) {
    return (lowOpen ? v > low : v >= low) && v <= high;
  }

  /** Whether a value is inside the plausible range. */
  public boolean plausible(double v) {
    return v >= plausibleLow && v <= plausibleHigh;
  }

  /** The hard range as written in the docs and messages, for example {@code (0, 1000]}. */
  public String hard() {
    return (lowOpen ? "(" : "[") + number(low) + ", " + number(high) + "]";
  }

  /** The plausible range as written in the docs and messages, for example {@code [0.25, 50]}. */
  public String plausibleRange() {
    return "[" + number(plausibleLow) + ", " + number(plausibleHigh) + "]";
  }

  /** A bound as the docs write it: plain digits, no trailing zeros. */
  static String number(double v) {
    return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
  }
}
