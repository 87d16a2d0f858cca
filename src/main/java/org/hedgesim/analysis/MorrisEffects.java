package org.hedgesim.analysis;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Morris elementary effects from trajectories and the model's outputs on them, for screening: which
 * factors matter (mu*), and which act nonlinearly or through interactions (sigma). Knows nothing
 * of the model.
 *
 * <p>Along a trajectory, the step from point j to j + 1 changes one factor i by delta (signed); its
 * elementary effect is {@code EE_i = (y[j+1] - y[j]) / delta}. Over the r trajectories:
 * {@code mu = mean(EE_i)}, {@code mu* = mean(|EE_i|)} (Campolongo, Cariboni and Saltelli 2007) and
 * {@code sigma = sd(EE_i)} (sample standard deviation, n - 1). The 95% interval of mu* is a
 * percentile bootstrap over trajectories.
 */
public final class MorrisEffects {

  /** The effects of one factor over r trajectories. */
  public record Effect(int factor, int trajectories, double mu, double muStar, double sigma,
      double muStarLow, double muStarHigh) {}

  private MorrisEffects() {}

  /**
   * @param points r trajectories of k + 1 points of k coordinates; consecutive points differ in
   *     exactly one coordinate, and each coordinate changes exactly once per trajectory
   * @param y the outputs at those points, r x (k + 1)
   * @param resamples bootstrap resamples for the interval of mu* (0: NaN bounds)
   * @param random draws the resamples
   * @throws IllegalArgumentException when the trajectories are not one-factor-at-a-time
   */
  public static List<Effect> estimate(double[][][] points, double[][] y, int resamples, RandomGenerator random) {
    int r = points.length;
    if (r == 0 || y.length != r) throw new IllegalArgumentException("need r >= 1 trajectories and r rows of outputs");
    int k = points[0][0].length;
    double[][] ee = new double[k][r]; // ee[i][t]
    for (int t = 0; t < r; t++) {
      double[][] x = points[t];
      if (x.length != k + 1 || y[t].length != k + 1) {
        throw new IllegalArgumentException("trajectory " + t + " must have k + 1 = " + (k + 1) + " points and outputs");
      }
      boolean[] seen = new boolean[k];
      for (int j = 0; j < k; j++) {
        int changed = -1;
        for (int i = 0; i < k; i++) {
          if (x[j + 1][i] != x[j][i]) {
            if (changed >= 0) {
              throw new IllegalArgumentException("trajectory " + t + ", step " + j + ": more than one factor changes");
            }
            changed = i;
          }
        }
        if (changed < 0) throw new IllegalArgumentException("trajectory " + t + ", step " + j + ": no factor changes");
        if (seen[changed]) throw new IllegalArgumentException("trajectory " + t + ": factor " + changed + " changes twice");
        seen[changed] = true;
        double delta = x[j + 1][changed] - x[j][changed];
        ee[changed][t] = (y[t][j + 1] - y[t][j]) / delta;
      }
    }
    List<Effect> out = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      double[] e = ee[i];
      double mu = 0;
      double muStar = 0;
      for (double v : e) {
        mu += v;
        muStar += Math.abs(v);
      }
      mu /= r;
      muStar /= r;
      double ss = 0;
      for (double v : e) ss += (v - mu) * (v - mu);
      double sigma = r > 1 ? Math.sqrt(ss / (r - 1)) : Double.NaN;
      double[] boot = new double[resamples];
      for (int b = 0; b < resamples; b++) {
        double s = 0;
        for (int t = 0; t < r; t++) s += Math.abs(e[random.nextInt(r)]);
        boot[b] = s / r;
      }
      double[] ci = SobolIndices.interval(boot);
      out.add(new Effect(i, r, mu, muStar, sigma, ci[0], ci[1]));
    }
    return List.copyOf(out);
  }
}
