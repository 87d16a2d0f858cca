package org.hedgesim.calibration;

import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * The perturbation kernel of ABC-SMC: a multivariate normal centred on the particle moved, with
 * twice the weighted covariance of the previous population (Beaumont, Cornuet, Marin and Robert
 * 2009, who show that this choice minimises the Kullback-Leibler divergence between the kernel's
 * proposals and the next target for a normal posterior). It adapts to the posterior's scale and
 * correlations as the tolerance shrinks. A covariance that is not positive definite (a collapsed
 * dimension) is replaced by its diagonal, with a small floor relative to the prior's spread.
 */
final class Kernel {
  private final double[][] lower;
  private final double[][] inverseLower;
  private final int d;

  private Kernel(double[][] lower) {
    this.lower = lower;
    this.d = lower.length;
    this.inverseLower = invertLower(lower);
  }

  /** The kernel for a population, with {@code floors} the smallest sd allowed per dimension. */
  static Kernel of(List<Particle> population, double[] floors) {
    int d = floors.length;
    double[] mean = new double[d];
    double wsum = 0;
    for (Particle p : population) {
      wsum += p.weight();
      for (int j = 0; j < d; j++) mean[j] += p.weight() * p.theta()[j];
    }
    for (int j = 0; j < d; j++) mean[j] /= wsum;
    double[][] cov = new double[d][d];
    for (Particle p : population) {
      for (int a = 0; a < d; a++) {
        for (int b = 0; b <= a; b++) {
          cov[a][b] += p.weight() * (p.theta()[a] - mean[a]) * (p.theta()[b] - mean[b]) / wsum;
        }
      }
    }
    for (int a = 0; a < d; a++) {
      for (int b = 0; b < a; b++) cov[b][a] = cov[a][b];
    }
    double[][] twice = new double[d][d];
    for (int a = 0; a < d; a++) {
      for (int b = 0; b < d; b++) twice[a][b] = 2 * cov[a][b];
      twice[a][a] = Math.max(twice[a][a], floors[a] * floors[a]);
    }
    try {
      RealMatrix l = new CholeskyDecomposition(new Array2DRowRealMatrix(twice), 1e-12, 1e-14).getL();
      return new Kernel(l.getData());
    } catch (NonPositiveDefiniteMatrixException | org.apache.commons.math3.linear.NonSymmetricMatrixException e) {
      double[][] diag = new double[d][d];
      for (int a = 0; a < d; a++) diag[a][a] = Math.sqrt(twice[a][a]);
      return new Kernel(diag);
    }
  }

  /** A point drawn around {@code centre}. */
  double[] perturb(double[] centre, RandomGenerator rng) {
    double[] z = new double[d];
    for (int j = 0; j < d; j++) z[j] = rng.nextGaussian();
    double[] x = centre.clone();
    for (int a = 0; a < d; a++) {
      for (int b = 0; b <= a; b++) x[a] += lower[a][b] * z[b];
    }
    return x;
  }

  /** The kernel's density at {@code x} around {@code centre}, up to a constant shared by all centres. */
  double relativeDensity(double[] x, double[] centre) {
    double q = 0;
    for (int a = 0; a < d; a++) {
      double s = 0;
      for (int b = 0; b <= a; b++) s += inverseLower[a][b] * (x[b] - centre[b]);
      q += s * s;
    }
    return Math.exp(-0.5 * q);
  }

  private static double[][] invertLower(double[][] l) {
    int d = l.length;
    double[][] inv = new double[d][d];
    for (int i = 0; i < d; i++) {
      inv[i][i] = 1 / l[i][i];
      for (int j = 0; j < i; j++) {
        double s = 0;
        for (int k = j; k < i; k++) s += l[i][k] * inv[k][j];
        inv[i][j] = -s / l[i][i];
      }
    }
    return inv;
  }
}
