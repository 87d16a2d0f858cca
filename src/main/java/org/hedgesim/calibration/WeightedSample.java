package org.hedgesim.calibration;

import java.util.Arrays;

/**
 * A sample with importance weights, as an ABC population is: its weighted mean, standard deviation
 * and quantiles. A quantile is the smallest value whose cumulative weight reaches the probability
 * (the inverse of the weighted empirical distribution function), so that for equal weights it is
 * the empirical quantile of type 1 (Hyndman and Fan 1996).
 */
public final class WeightedSample {
  private final double[] values;
  private final double[] cumulative;
  private final double mean;
  private final double sd;

  public WeightedSample(double[] values, double[] weights) {
    int n = values.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) order[i] = i;
    Arrays.sort(order, (a, b) -> {
      int c = Double.compare(values[a], values[b]);
      return c != 0 ? c : Integer.compare(a, b);
    });
    this.values = new double[n];
    this.cumulative = new double[n];
    double total = 0;
    for (double w : weights) total += w;
    double s = 0;
    double m = 0;
    for (int i = 0; i < n; i++) {
      this.values[i] = values[order[i]];
      s += weights[order[i]] / total;
      cumulative[i] = s;
      m += weights[order[i]] / total * values[order[i]];
    }
    double v = 0;
    for (int i = 0; i < n; i++) v += weights[i] / total * (values[i] - m) * (values[i] - m);
    this.mean = m;
    this.sd = Math.sqrt(v);
  }

  public double mean() {
    return mean;
  }

  public double sd() {
    return sd;
  }

  public double quantile(double p) {
    for (int i = 0; i < values.length; i++) {
      if (cumulative[i] >= p - 1e-12) return values[i];
    }
    return values[values.length - 1];
  }
}
