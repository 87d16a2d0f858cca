package org.hedgesim.analysis;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * Trajectories of the elementary effects method (Morris 1991, "Factorial sampling plans for
 * preliminary computational experiments", section 3): each trajectory is k + 1 points of the unit
 * cube on a grid of p levels {0, 1/(p-1), ..., 1}; consecutive points differ in exactly one factor,
 * by the step delta = p / (2 (p - 1)), and every factor changes once. The base point is drawn from
 * the levels that keep the step inside the cube, the direction of each factor's step (up or down)
 * and the order of the factors at random. The caller maps coordinates to parameter ranges.
 */
public final class MorrisDesign {
  private MorrisDesign() {}

  /** The step between levels that a factor moves by, for p levels (p even). */
  public static double delta(int levels) {
    return levels / (2.0 * (levels - 1));
  }

  /**
   * @return r trajectories, each (k + 1) points of k coordinates
   */
  public static double[][][] trajectories(int k, int r, int levels, RandomGenerator random) {
    if (k < 1 || r < 1) throw new IllegalArgumentException("need k >= 1 factors and r >= 1 trajectories");
    if (levels < 2 || levels % 2 != 0) throw new IllegalArgumentException("the number of levels must be even and at least 2");
    double delta = delta(levels);
    int baseLevels = levels / 2; // levels i/(p-1) with i/(p-1) + delta <= 1
    double[][][] out = new double[r][k + 1][k];
    for (int t = 0; t < r; t++) {
      double[] x = new double[k];
      int[] dir = new int[k];
      for (int i = 0; i < k; i++) {
        double base = random.nextInt(baseLevels) / (double) (levels - 1);
        dir[i] = random.nextBoolean() ? 1 : -1;
        x[i] = dir[i] > 0 ? base : base + delta;
      }
      int[] order = permutation(k, random);
      out[t][0] = x.clone();
      for (int j = 0; j < k; j++) {
        int i = order[j];
        x[i] += dir[i] * delta;
        out[t][j + 1] = x.clone();
      }
    }
    return out;
  }

  private static int[] permutation(int k, RandomGenerator random) {
    int[] p = new int[k];
    for (int i = 0; i < k; i++) p[i] = i;
    for (int i = k - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int tmp = p[i];
      p[i] = p[j];
      p[j] = tmp;
    }
    return p;
  }
}
