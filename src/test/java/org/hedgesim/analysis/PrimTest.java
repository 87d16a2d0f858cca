package org.hedgesim.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.random.MersenneTwister;
import org.hedgesim.experiment.LatinHypercube;
import org.junit.jupiter.api.Test;

/**
 * PRIM on cases whose answer is known: a box planted in a Latin hypercube with label noise is found
 * again within a stated tolerance, a categorical box as a set of levels, and the trajectory, pasting
 * and quasi-p-values of a case small enough to count by hand.
 */
class PrimTest {

  /** Tolerance on a recovered limit, in units of the dimension's range (the unit interval here). */
  static final double TOLERANCE = 0.05;

  /** 2,000 points of a 4-dimensional Latin hypercube; of interest inside x1 >= 0.6, x2 <= 0.3; 10% of labels flipped. */
  static Cases plantedBox(int points, long seed) {
    MersenneTwister rng = new MersenneTwister(seed);
    double[][] u = new LatinHypercube(points).generate(new int[4], rng).units();
    double[][] x = new double[4][points];
    boolean[] y = new boolean[points];
    for (int i = 0; i < points; i++) {
      for (int d = 0; d < 4; d++) x[d][i] = u[i][d];
      boolean inside = x[0][i] >= 0.6 && x[1][i] <= 0.3;
      y[i] = rng.nextDouble() < 0.1 ? !inside : inside;
    }
    List<Dimension> dims = new ArrayList<>();
    for (int d = 1; d <= 4; d++) dims.add(new Dimension.Ordered("x" + d, false));
    return new Cases(dims, x, y, "runs");
  }

  @Test
  void plantedBox_isRecoveredWithinTolerance_andTheOtherDimensionsAreLeftAlone() {
    for (long seed : new long[] {1, 2, 3}) {
      Cases c = plantedBox(2000, seed);
      Prim prim = new Prim(c, new Prim.Settings(0.05, 0.05));
      List<PrimBox> t = prim.peel();
      PrimBox box = prim.paste(t.get(Prim.choose(t)));
      PrimBox.Range x1 = (PrimBox.Range) box.limits().get(0);
      PrimBox.Range x2 = (PrimBox.Range) box.limits().get(1);
      String where = "seed " + seed + ": " + box;
      assertEquals(0.6, x1.lower(), TOLERANCE, where);
      assertEquals(1.0, x1.upper(), TOLERANCE, where);
      assertEquals(0.0, x2.lower(), TOLERANCE, where);
      assertEquals(0.3, x2.upper(), TOLERANCE, where);
      assertEquals(List.of(0, 1), box.restricted(), where);
      // 90% of the box's cases keep their label
      assertEquals(0.9, box.density(), 0.05, where);
      double[] qp = prim.quasiP(box);
      assertTrue(qp[0] < 1e-6 && qp[1] < 1e-6, where);
    }
  }
}
