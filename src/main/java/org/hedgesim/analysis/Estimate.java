package org.hedgesim.analysis;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.StatisticalSummary;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * The mean of a sample with its standard deviation and a two-sided 95% confidence interval from
 * Student's t with n - 1 degrees of freedom. Missing values (NaN) are left out; with fewer than two
 * values the standard deviation and the interval are NaN.
 */
public record Estimate(int n, double mean, double sd, double ciLow, double ciHigh) {

  public static final double LEVEL = 0.95;

  public static Estimate of(double[] values) {
    SummaryStatistics s = new SummaryStatistics();
    for (double v : values) {
      if (!Double.isNaN(v)) s.addValue(v);
    }
    return of(s);
  }

  /**
   * The same from a running summary (values added one by one, NaN left out by the caller), so that
   * a report can estimate many cells of a large runs.csv while reading it once, keeping no values.
   */
  public static Estimate of(StatisticalSummary s) {
    int n = (int) s.getN();
    if (n == 0) return new Estimate(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    double mean = s.getMean();
    if (n < 2) return new Estimate(n, mean, Double.NaN, Double.NaN, Double.NaN);
    double sd = s.getStandardDeviation();
    double t = new TDistribution(null, n - 1).inverseCumulativeProbability(1 - (1 - LEVEL) / 2);
    double half = t * sd / Math.sqrt(n);
    return new Estimate(n, mean, sd, mean - half, mean + half);
  }
}
