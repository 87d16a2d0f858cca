package org.hedgesim.analysis;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * The difference B - A of an outcome between two scenarios run with common random numbers, where
 * replication r of A and of B share a seed and so form a pair. Pairs where either value is missing
 * (NaN, e.g. an exit step in a run without an exit) are left out; the means are over the pairs
 * kept, so {@code difference = meanB - meanA}.
 *
 * <p>The 95% confidence interval is the paired t interval: {@code d ± t(0.975, n-1) sd / sqrt(n)}
 * with {@code d} the mean and {@code sd} the standard deviation of the n differences. The
 * standardized effect size is Cohen's d_z = d / sd (Cohen 1988; Lakens 2013, "Calculating and
 * reporting effect sizes", eq. 2), the mean difference in units of the spread of the differences.
 * When every pair differs by the same amount (sd = 0) the interval is that amount and d_z is
 * infinite (0 when the amount is 0). "The same amount" allows for rounding: an sd at most
 * {@link #RELATIVE_EPSILON} times the size of the values (the larger of |mean A|, |mean B| and
 * |d|) counts as 0, and so does a difference that small, since a deterministic shift computed in
 * floating point leaves differences that agree only to about 1e-16 of their size. The p value is
 * the two-sided paired t test's.
 *
 * <p>Because common random numbers make the pairs alike, sd is often far smaller than the spread of
 * either scenario's runs, and d_z is then large even for a small shift. {@code effectDav} puts the
 * shift on the scale of that spread instead: Cohen's d_av = d / ((sd_A + sd_B) / 2) (Lakens 2013,
 * eq. 5), comparable with a between-groups d.
 *
 * @param n pairs with both values
 * @param effectDav d over the mean of the two scenarios' standard deviations (infinite when both
 *     are 0 and d is not)
 * @param pValue two-sided p value of the paired t test; NaN with fewer than two pairs
 */
public record PairedDifference(int n, double meanA, double meanB, double difference, double sd,
    double ciLow, double ciHigh, double effectDz, double effectDav, double pValue) {

  /** Relative size below which a spread or a difference is rounding, not variation (see above). */
  public static final double RELATIVE_EPSILON = 1e-9;

  /**
   * The order in which effects are listed as "largest": by |d_av| (the shift against run-to-run
   * spread; a shift in outcomes that never vary counts as infinite), then |d_z|, then |difference|.
   */
  public static final java.util.Comparator<PairedDifference> LARGEST_FIRST =
      java.util.Comparator.comparingDouble((PairedDifference d) -> -magnitude(d.effectDav()))
          .thenComparingDouble(d -> -magnitude(d.effectDz()))
          .thenComparingDouble(d -> -magnitude(d.difference()));

  private static double magnitude(double v) {
    return Double.isNaN(v) ? -1 : Math.abs(v);
  }

  /** True when the 95% confidence interval of the difference lies wholly above or below zero. */
  public boolean ciExcludesZero() {
    return ciLow > 0 || ciHigh < 0;
  }

  public static PairedDifference of(double[] a, double[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("paired samples differ in length: " + a.length + " and " + b.length);
    }
    SummaryStatistics sa = new SummaryStatistics();
    SummaryStatistics sb = new SummaryStatistics();
    SummaryStatistics sd = new SummaryStatistics();
    for (int i = 0; i < a.length; i++) {
      if (Double.isNaN(a[i]) || Double.isNaN(b[i])) continue;
      sa.addValue(a[i]);
      sb.addValue(b[i]);
      sd.addValue(b[i] - a[i]);
    }
    int n = (int) sd.getN();
    double nan = Double.NaN;
    if (n == 0) return new PairedDifference(0, nan, nan, nan, nan, nan, nan, nan, nan, nan);
    double d = sd.getMean();
    if (n < 2) return new PairedDifference(n, sa.getMean(), sb.getMean(), d, nan, nan, nan, nan, nan, nan);
    double s = sd.getStandardDeviation();
    double size = Math.max(Math.abs(sa.getMean()), Math.abs(sb.getMean()));
    double shift = Math.abs(d) <= RELATIVE_EPSILON * size ? 0 : d;
    double spread = (sa.getStandardDeviation() + sb.getStandardDeviation()) / 2;
    double dav = ratio(shift, spread <= RELATIVE_EPSILON * Math.max(size, Math.abs(d)) ? 0 : spread);
    if (s <= RELATIVE_EPSILON * Math.max(size, Math.abs(d))) {
      return new PairedDifference(n, sa.getMean(), sb.getMean(), d, 0, d, d, ratio(shift, 0), dav, shift == 0 ? 1 : 0);
    }
    TDistribution t = new TDistribution(null, n - 1);
    double se = s / Math.sqrt(n);
    double half = t.inverseCumulativeProbability(1 - (1 - Estimate.LEVEL) / 2) * se;
    double p = 2 * t.cumulativeProbability(-Math.abs(d / se));
    return new PairedDifference(n, sa.getMean(), sb.getMean(), d, s, d - half, d + half, d / s, dav, p);
  }

  /** d / s, with 0 / 0 = 0 and d / 0 = an infinity of d's sign. */
  private static double ratio(double d, double s) {
    if (s > 0) return d / s;
    return d == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, d);
  }
}
