package org.hedgesim.analysis;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * First-order and total Sobol indices from model outputs on the matrices of a
 * Saltelli design (the sweep engine's {@code saltelli} kind), with bootstrap confidence intervals. Knows nothing of the model: it takes
 * y_A = f(A), y_B = f(B) and y_ABi = f(AB_i), each of length N.
 *
 * <ul>
 *   <li>Variance: {@code V = Var([y_A, y_B])} over all 2N values (population variance).
 *   <li>First order, Saltelli et al. (2010, table 2, (b)), with y_B centred on the mean m of all
 *       2N values: {@code S_i = (1/N) sum_j (y_B[j] - m) (y_ABi[j] - y_A[j]) / V}. Centring leaves
 *       the estimator's expectation as it is (y_ABi - y_A has mean zero) but removes the error
 *       that a large mean multiplies: an outcome near 0.8 that varies by 0.01 would otherwise give
 *       first-order indices far outside [0, 1] at a few hundred rows.
 *   <li>Total, Jansen (1999; Saltelli et al. 2010, table 2, (f)):
 *       {@code ST_i = (1/(2N)) sum_j (y_A[j] - y_ABi[j])^2 / V}.
 *   <li>Confidence intervals: percentile bootstrap at 95%, resampling the N rows with replacement
 *       (the same rows for every factor and both indices), recomputing V as well.
 * </ul>
 *
 * Estimates can fall slightly outside [0, 1] by sampling error; they are reported as computed.
 */
public final class SobolIndices {

  /** The indices of one factor. */
  public record Index(int factor, double first, double firstLow, double firstHigh, double total,
      double totalLow, double totalHigh) {}

  /** All factors' indices, with the output variance, N and the number of bootstrap resamples. */
  public record Result(double variance, int points, int resamples, List<Index> indices) {}

  private SobolIndices() {}

  /**
   * @param yA outputs on A (length N)
   * @param yB outputs on B (length N)
   * @param yAB outputs on AB_i for each factor i (k arrays of length N)
   * @param resamples bootstrap resamples for the intervals (0: no intervals, NaN bounds)
   * @param random the generator that draws the resamples (seeded by the caller: reproducible)
   */
  public static Result estimate(double[] yA, double[] yB, double[][] yAB, int resamples, RandomGenerator random) {
    int n = yA.length;
    if (n < 2 || yB.length != n) throw new IllegalArgumentException("y_A and y_B need the same length N >= 2");
    for (double[] y : yAB) {
      if (y.length != n) throw new IllegalArgumentException("every y_ABi needs length N = " + n);
    }
    int k = yAB.length;
    int[] rows = new int[n];
    for (int j = 0; j < n; j++) rows[j] = j;
    double[] point = indices(yA, yB, yAB, rows);
    double variance = variance(yA, yB, rows);
    double[][] boot = new double[2 * k][resamples];
    for (int b = 0; b < resamples; b++) {
      for (int j = 0; j < n; j++) rows[j] = random.nextInt(n);
      double[] v = indices(yA, yB, yAB, rows);
      for (int c = 0; c < 2 * k; c++) boot[c][b] = v[c];
    }
    List<Index> out = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      double[] s1 = interval(boot[i]);
      double[] st = interval(boot[k + i]);
      out.add(new Index(i, point[i], s1[0], s1[1], point[k + i], st[0], st[1]));
    }
    return new Result(variance, n, resamples, List.copyOf(out));
  }

  /** S_1..S_k then ST_1..ST_k over the given rows. */
  private static double[] indices(double[] yA, double[] yB, double[][] yAB, int[] rows) {
    int k = yAB.length;
    double v = variance(yA, yB, rows);
    double mean = mean(yA, yB, rows);
    double[] out = new double[2 * k];
    for (int i = 0; i < k; i++) {
      double first = 0;
      double total = 0;
      for (int j : rows) {
        double a = yA[j];
        double ab = yAB[i][j];
        first += (yB[j] - mean) * (ab - a);
        total += (a - ab) * (a - ab);
      }
      out[i] = first / rows.length / v;
      out[k + i] = total / (2.0 * rows.length) / v;
    }
    return out;
  }

  private static double mean(double[] yA, double[] yB, int[] rows) {
    double sum = 0;
    for (int j : rows) sum += yA[j] + yB[j];
    return sum / (2.0 * rows.length);
  }

  private static double variance(double[] yA, double[] yB, int[] rows) {
    double mean = mean(yA, yB, rows);
    double ss = 0;
    for (int j : rows) {
      ss += (yA[j] - mean) * (yA[j] - mean) + (yB[j] - mean) * (yB[j] - mean);
    }
    return ss / (2.0 * rows.length);
  }

  /** The 2.5% and 97.5% percentiles of bootstrap values, or NaN without resamples. */
  static double[] interval(double[] values) {
    if (values.length == 0) return new double[] {Double.NaN, Double.NaN};
    Percentile p = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
    p.setData(values);
    double tail = (1 - Estimate.LEVEL) / 2 * 100;
    return new double[] {p.evaluate(tail), p.evaluate(100 - tail)};
  }
}
