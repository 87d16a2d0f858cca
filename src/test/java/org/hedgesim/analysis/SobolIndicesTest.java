package org.hedgesim.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/**
 * Sobol indices against known values: the Ishigami function (Ishigami and Homma 1990; values as
 * tabulated by Saltelli et al. 2000 and Sobol' and Levitan 1999) and a linear model.
 *
 * <p>Tolerances: with N = 8192 Sobol points (8192 x 5 model runs), each estimate must lie within
 * 0.02 of the analytic value, and its 95% bootstrap interval must contain the analytic value.
 */
class SobolIndicesTest {

  private static final double TOLERANCE = 0.02;
  private static final int N = 8192;

  // ------------------------------------------------------------------ Ishigami

  private static final double V = Ishigami.V;
  private static final double V1 = Ishigami.V1;
  private static final double V2 = Ishigami.V2;
  private static final double V13 = Ishigami.V13;

  @Test
  void ishigami_analyticValues_matchThePublishedOnes() {
    // the values the literature quotes for a = 7, b = 0.1
    assertEquals(0.314, V1 / V, 0.0005);
    assertEquals(0.442, V2 / V, 0.0005);
    assertEquals(0.558, (V1 + V13) / V, 0.0005);
    assertEquals(0.244, V13 / V, 0.0005);
  }

  @Test
  void estimate_ishigami_recoversFirstOrderAndTotalIndices() {
    SobolIndices.Result r = run(Ishigami::ofUnit, 3);
    double[] s1 = {V1 / V, V2 / V, 0};
    double[] st = {(V1 + V13) / V, V2 / V, V13 / V};
    for (int i = 0; i < 3; i++) {
      SobolIndices.Index x = r.indices().get(i);
      assertEquals(s1[i], x.first(), TOLERANCE, "S" + (i + 1));
      assertEquals(st[i], x.total(), TOLERANCE, "ST" + (i + 1));
      assertTrue(x.firstLow() <= s1[i] && s1[i] <= x.firstHigh(), "S" + (i + 1) + " CI " + x);
      assertTrue(x.totalLow() <= st[i] && st[i] <= x.totalHigh(), "ST" + (i + 1) + " CI " + x);
    }
    assertEquals(V, r.variance(), 0.02 * V);
  }

  // ------------------------------------------------------------------ linear model

  /** y = x1 + 2 x2 + 3 x3 + 0 x4, x_i uniform on [0, 1]: S_i = ST_i = b_i^2 / sum b^2 = (1, 4, 9, 0)/14. */
  @Test
  void estimate_linearModel_firstOrderEqualsTotalEqualsShareOfSquaredCoefficient() {
    double[] coef = {1, 2, 3, 0};
    SobolIndices.Result r = run(u -> coef[0] * u[0] + coef[1] * u[1] + coef[2] * u[2] + coef[3] * u[3], 4);
    for (int i = 0; i < 4; i++) {
      double truth = coef[i] * coef[i] / 14.0;
      SobolIndices.Index x = r.indices().get(i);
      assertEquals(truth, x.first(), TOLERANCE, "S" + (i + 1));
      assertEquals(truth, x.total(), TOLERANCE, "ST" + (i + 1));
      assertTrue(x.totalLow() <= truth + 1e-12 && truth - 1e-12 <= x.totalHigh(), "ST" + (i + 1) + " CI " + x);
    }
    // a factor that does not enter the model has exactly zero total effect (y_A = y_AB4 everywhere)
    assertEquals(0.0, r.indices().get(3).total(), 0.0);
    assertEquals(14.0 / 12, r.variance(), 0.02 * 14 / 12);
  }

  // ------------------------------------------------------------------ reproducibility and input

  @Test
  void estimate_sameSeed_sameIntervals() {
    SobolIndices.Result a = run(Ishigami::ofUnit, 3);
    SobolIndices.Result b = run(Ishigami::ofUnit, 3);
    assertEquals(a, b);
  }

  @Test
  void estimate_mismatchedLengths_rejected() {
    assertThrows(IllegalArgumentException.class, () -> SobolIndices.estimate(new double[4],
        new double[3], new double[][] {new double[4]}, 0, new Well19937c(1)));
  }

  @Test
  void design_abMatrix_isAWithOneColumnFromB() {
    double[][][] d = DesignMatrices.saltelli(3, 16);
    double[][] ab = d[2 + 1];
    for (int j = 0; j < 16; j++) {
      assertEquals(d[0][j][0], ab[j][0]);
      assertEquals(d[1][j][1], ab[j][1]);
      assertEquals(d[0][j][2], ab[j][2]);
    }
    // A and B are the two halves of one 6-dimensional Sobol point, after the origin
    assertEquals(0.5, d[0][0][0]);
    assertEquals(0.5, d[1][0][2]);
  }

  /** Evaluates f on the design's matrices and estimates, as a sensitivity command would. */
  private static SobolIndices.Result run(ToDoubleFunction<double[]> f, int k) {
    double[][][] d = DesignMatrices.saltelli(k, N);
    double[] yA = new double[N];
    double[] yB = new double[N];
    double[][] yAB = new double[k][N];
    for (int j = 0; j < N; j++) {
      yA[j] = f.applyAsDouble(d[0][j]);
      yB[j] = f.applyAsDouble(d[1][j]);
      for (int i = 0; i < k; i++) yAB[i][j] = f.applyAsDouble(d[2 + i][j]);
    }
    return SobolIndices.estimate(yA, yB, yAB, 500, new Well19937c(42));
  }
}
