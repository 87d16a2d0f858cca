package org.hedgesim.experiment;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.SobolSequenceGenerator;

/**
 * The sample matrices of a variance-based (Sobol) sensitivity analysis (Saltelli 2002; Saltelli et
 * al. 2010, "Variance based sensitivity analysis of model output", section 3). Two independent
 * {@code samples} x k matrices A and B hold points of the unit cube: A the first k coordinates and B
 * the last k of the 2k-dimensional Sobol sequence (Commons Math, Joe and Kuo's direction numbers,
 * its initial point at the origin left out). For each parameter i, AB_i is A with its column i
 * taken from B. The model runs on every row of every matrix: {@code samples (k + 2)} points.
 *
 * <p>Order: sample row after sample row, each as A, B, AB_1, ..., AB_k, so that the points of one
 * row are neighbours in runs.csv and a shard holds whole rows wherever it can. Deterministic: the
 * sampling generator is not used.
 *
 * @param samples N, the rows of A and B
 */
public record SaltelliMatrices(int samples) implements Design {

  /** The largest number of parameters (twice as many Sobol dimensions). */
  public static final int MAX_PARAMETERS = SobolSequence.MAX_DIMENSION / 2;

  public SaltelliMatrices {
    if (samples < 2) throw new IllegalArgumentException("samples must be at least 2");
  }

  @Override
  public String kind() {
    return "saltelli";
  }

  @Override
  public long size(int[] cardinality) {
    return Math.multiplyExact((long) samples, cardinality.length + 2);
  }

  /** The sample row of a point, for k parameters. */
  public static int sample(int point, int k) {
    return point / (k + 2);
  }

  /** The matrix of a point, for k parameters: -2 for A, -1 for B, i for AB_i. */
  public static int matrix(int point, int k) {
    return point % (k + 2) - 2;
  }

  @Override
  public DesignPoints generate(int[] cardinality, RandomGenerator rng) {
    int k = cardinality.length;
    SobolSequenceGenerator sobol = new SobolSequenceGenerator(2 * k);
    sobol.nextVector(); // the origin
    double[][] units = new double[Math.toIntExact(size(cardinality))][];
    int p = 0;
    for (int j = 0; j < samples; j++) {
      double[] v = sobol.nextVector();
      double[] a = new double[k];
      double[] b = new double[k];
      System.arraycopy(v, 0, a, 0, k);
      System.arraycopy(v, k, b, 0, k);
      units[p++] = a;
      units[p++] = b;
      for (int i = 0; i < k; i++) {
        double[] ab = a.clone();
        ab[i] = b[i];
        units[p++] = ab;
      }
    }
    return new DesignPoints(units);
  }

  @Override
  public Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", kind());
    m.put("samples", samples);
    m.put("sequence", "A and B: the first and last k coordinates of the 2k-dimensional Commons Math"
        + " SobolSequenceGenerator (Joe-Kuo direction numbers), initial point 0 skipped; AB_i: A with column i from B");
    m.put("order", "sample row after sample row, each as A, B, AB_1, ..., AB_k; design.csv names each point's"
        + " sample and matrix");
    return m;
  }
}
