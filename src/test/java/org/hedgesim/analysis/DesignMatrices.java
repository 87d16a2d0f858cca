package org.hedgesim.analysis;

import org.apache.commons.math3.random.MersenneTwister;
import org.hedgesim.experiment.MorrisTrajectories;
import org.hedgesim.experiment.SaltelliMatrices;

/** The sweep engine's Saltelli and Morris designs, reshaped as the estimators take them. */
final class DesignMatrices {
  private DesignMatrices() {}

  /** A, B and AB_i (index 2 + i) of a Saltelli design of n rows for k factors. */
  static double[][][] saltelli(int k, int n) {
    double[][] units = new SaltelliMatrices(n).generate(new int[k], null).units();
    double[][][] m = new double[k + 2][n][];
    for (int p = 0; p < units.length; p++) {
      m[SaltelliMatrices.matrix(p, k) + 2][SaltelliMatrices.sample(p, k)] = units[p];
    }
    return m;
  }

  /** r Morris trajectories of k + 1 points for k factors on p levels. */
  static double[][][] morris(int k, int r, int levels, long seed) {
    double[][] units = new MorrisTrajectories(r, levels).generate(new int[k], new MersenneTwister(seed)).units();
    double[][][] t = new double[r][k + 1][];
    for (int p = 0; p < units.length; p++) t[p / (k + 1)][p % (k + 1)] = units[p];
    return t;
  }
}
