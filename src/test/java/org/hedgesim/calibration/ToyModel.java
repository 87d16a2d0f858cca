package org.hedgesim.calibration;

import java.util.List;
import org.apache.commons.math3.random.MersenneTwister;
import org.hedgesim.scenario.Scenario;

/**
 * A model with a known answer, in place of the hedging model: observation k is
 * {@code theta[0] + slope_k * theta[1]} plus Gaussian run noise, and {@code theta[2]} (when there
 * is one) affects nothing, so it cannot be identified.
 */
final class ToyModel implements Simulator.Model {
  private final double runNoise;

  ToyModel(double runNoise) {
    this.runNoise = runNoise;
  }

  static double mean(double[] theta, int k) {
    return theta[0] + (k % 3 - 1) * theta[1];
  }

  @Override
  public double[] observe(Scenario scenario, double[] theta, long seed, List<Observation> observations) {
    MersenneTwister rng = new MersenneTwister(seed);
    double[] out = new double[observations.size()];
    for (int k = 0; k < out.length; k++) out[k] = mean(theta, k) + runNoise * rng.nextGaussian();
    return out;
  }
}
