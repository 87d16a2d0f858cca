package org.hedgesim.analysis;

import java.util.Locale;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

/**
 * How well one lever setting does on one objective across a sample of futures, in the three
 * robustness metrics of robust decision making that need no reference setting (McPhail et al.
 * 2018 sort them by how much they weigh the bad futures): the mean over futures (neutral, the
 * expected value under a uniform sample), a percentile on the bad side (the 10th for an objective
 * to maximise, the 90th for one to minimise: a trimmed worst case), and the satisficing share
 * (Starr's domain criterion: in how many futures the setting meets a threshold). Regret, the
 * fourth, compares settings and is in {@link Regret}.
 *
 * @param mean the mean over futures
 * @param percentile the chosen percentile over futures (R-7 interpolation, as R and numpy)
 * @param satisficing the share of futures meeting the threshold, NaN when there is none
 */
public record RobustnessMetrics(double mean, double percentile, double satisficing) {

  /** Whether more of an objective is better or worse. */
  public enum Direction {
    MAXIMIZE, MINIMIZE;

    /** Whether {@code a} is strictly better than {@code b}. */
    public boolean better(double a, double b) {
      return this == MAXIMIZE ? a > b : a < b;
    }

    /** The percentile that looks at the bad futures: 10 for maximising, 90 for minimising. */
    public double defaultPercentile() {
      return this == MAXIMIZE ? 10 : 90;
    }

    public String word() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** A threshold an objective's value must meet in a future: {@code >= 0.6}, {@code < 0.1}, ... */
  public record Threshold(String operator, double value) {

    public Threshold {
      if (!java.util.List.of(">=", "<=", ">", "<").contains(operator)) {
        throw new IllegalArgumentException("operator must be >=, <=, > or <, found " + operator);
      }
    }

    public boolean met(double x) {
      return switch (operator) {
        case ">=" -> x >= value;
        case "<=" -> x <= value;
        case ">" -> x > value;
        default -> x < value;
      };
    }

    @Override
    public String toString() {
      return operator + " " + org.hedgesim.output.Numbers.format(value);
    }
  }

  /**
   * The metrics of one setting's values over the futures.
   *
   * @param values the objective's value in each future (its mean over replications)
   * @param percentile in (0, 100]
   * @param threshold the satisficing threshold, or null
   */
  public static RobustnessMetrics of(double[] values, double percentile, Threshold threshold) {
    if (values.length == 0) throw new IllegalArgumentException("no futures");
    double sum = 0;
    int met = 0;
    for (double v : values) {
      sum += v;
      if (threshold != null && threshold.met(v)) met++;
    }
    double p = new Percentile().withEstimationType(EstimationType.R_7).evaluate(values, percentile);
    return new RobustnessMetrics(sum / values.length, p,
        threshold == null ? Double.NaN : (double) met / values.length);
  }
}
