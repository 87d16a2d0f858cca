package org.hedgesim.analysis;

import org.apache.commons.math3.random.SobolSequenceGenerator;

/**
 * The sample matrices of a Sobol analysis (Saltelli 2002; Saltelli et al. 2010, "Variance based
 * sensitivity analysis of model output", section 3): two independent N x k matrices A and B of
 * points in the unit cube, and for each factor i the matrix AB_i, which is A with its column i
 * taken from B. A and B are the first and the last k coordinates of a 2k-dimensional Sobol
 * low-discrepancy sequence (Commons Math, Joe-Kuo direction numbers), skipping its first point (the
 * origin). The model is evaluated N (k + 2) times; the caller maps each coordinate from [0, 1) to
 * its parameter's range. Deterministic: the same (k, N) gives the same matrices.
 */
public record SaltelliDesign(double[][] a, double[][] b) {

  public SaltelliDesign {
    if (a.length != b.length || a.length == 0 || a[0].length != b[0].length) {
      throw new IllegalArgumentException("A and B must be non-empty matrices of the same shape");
    }
  }

  /** N points for k factors from a Sobol sequence. */
  public static SaltelliDesign sobol(int k, int n) {
    if (k < 1 || n < 2) throw new IllegalArgumentException("need k >= 1 factors and N >= 2 points");
    if (2 * k > 1000) throw new IllegalArgumentException("at most 500 factors");
    SobolSequenceGenerator g = new SobolSequenceGenerator(2 * k);
    g.skipTo(1);
    double[][] a = new double[n][k];
    double[][] b = new double[n][k];
    for (int j = 0; j < n; j++) {
      double[] v = g.nextVector();
      System.arraycopy(v, 0, a[j], 0, k);
      System.arraycopy(v, k, b[j], 0, k);
    }
    return new SaltelliDesign(a, b);
  }

  public int factors() {
    return a[0].length;
  }

  public int points() {
    return a.length;
  }

  /** AB_i: A with column i from B. */
  public double[][] ab(int i) {
    double[][] m = new double[a.length][];
    for (int j = 0; j < a.length; j++) {
      m[j] = a[j].clone();
      m[j][i] = b[j][i];
    }
    return m;
  }
}
