package org.hedgesim.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/** Morris elementary effects on functions whose effects are known exactly. */
class MorrisEffectsTest {

  private static final int R = 20;

  @Test
  void design_trajectories_moveOneFactorAtATimeByDeltaInsideTheCube() {
    double[][][] t = DesignMatrices.morris(5, R, 4, 3);
    double delta = new org.hedgesim.experiment.MorrisTrajectories(R, 4).delta();
    assertEquals(2.0 / 3, delta, 1e-15);
    for (double[][] traj : t) {
      assertEquals(6, traj.length);
      for (int j = 0; j < 5; j++) {
        int changed = 0;
        for (int i = 0; i < 5; i++) {
          assertTrue(traj[j][i] >= 0 && traj[j][i] <= 1);
          if (traj[j + 1][i] != traj[j][i]) {
            changed++;
            assertEquals(delta, Math.abs(traj[j + 1][i] - traj[j][i]), 1e-12);
          }
        }
        assertEquals(1, changed);
      }
    }
  }

  /** y = 3 x1 - 2 x2 + 0 x3: every elementary effect is the coefficient, so sigma is 0. */
  @Test
  void estimate_linearModel_muIsTheCoefficientAndSigmaZero() {
    List<MorrisEffects.Effect> e = run(x -> 3 * x[0] - 2 * x[1], 3);
    double[] coef = {3, -2, 0};
    for (int i = 0; i < 3; i++) {
      assertEquals(coef[i], e.get(i).mu(), 1e-9, "mu " + i);
      assertEquals(Math.abs(coef[i]), e.get(i).muStar(), 1e-9, "mu* " + i);
      assertEquals(0, e.get(i).sigma(), 1e-9, "sigma " + i);
      assertEquals(Math.abs(coef[i]), e.get(i).muStarLow(), 1e-9);
      assertEquals(Math.abs(coef[i]), e.get(i).muStarHigh(), 1e-9);
    }
  }

  /**
   * y = x1 x2 + x3: the effect of x1 is x2 (which varies over the trajectories, so sigma > 0), and
   * the other way round; x3's is 1 everywhere.
   */
  @Test
  void estimate_interaction_showsAsSigma() {
    List<MorrisEffects.Effect> e = run(x -> x[0] * x[1] + x[2], 3);
    assertTrue(e.get(0).sigma() > 0.1, e.get(0).toString());
    assertTrue(e.get(1).sigma() > 0.1, e.get(1).toString());
    assertEquals(1, e.get(2).muStar(), 1e-9);
    assertEquals(0, e.get(2).sigma(), 1e-9);
    // the mean effect of x1 is the mean of x2 over the design's points, between 0 and 1
    assertTrue(e.get(0).muStar() > 0 && e.get(0).muStar() < 1, e.get(0).toString());
  }

  /** A hand-computed trajectory: from (0,0) to (2/3,0) to (2/3,2/3) on y = x1^2 + x2. */
  @Test
  void estimate_oneTrajectory_byHand() {
    double d = 2.0 / 3;
    double[][][] t = {{{0, 0}, {d, 0}, {d, d}}};
    double[][] y = {{0, d * d, d * d + d}};
    List<MorrisEffects.Effect> e = MorrisEffects.estimate(t, y, 0, new Well19937c(1));
    assertEquals(d, e.get(0).mu(), 1e-12); // (d^2 - 0) / d
    assertEquals(1, e.get(1).mu(), 1e-12);
    assertTrue(Double.isNaN(e.get(0).sigma()), "one trajectory has no spread");
  }

  @Test
  void estimate_twoFactorsChangeAtOnce_rejected() {
    double[][][] t = {{{0, 0}, {1, 1}, {1, 0}}};
    double[][] y = {{0, 1, 2}};
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> MorrisEffects.estimate(t, y, 0, new Well19937c(1)));
    assertTrue(e.getMessage().contains("more than one factor"), e.getMessage());
  }

  private static List<MorrisEffects.Effect> run(ToDoubleFunction<double[]> f, int k) {
    double[][][] t = DesignMatrices.morris(k, R, 4, 11);
    double[][] y = new double[R][k + 1];
    for (int r = 0; r < R; r++) {
      for (int j = 0; j <= k; j++) y[r][j] = f.applyAsDouble(t[r][j]);
    }
    return MorrisEffects.estimate(t, y, 200, new Well19937c(5));
  }
}
