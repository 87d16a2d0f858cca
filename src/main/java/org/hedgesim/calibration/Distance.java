package org.hedgesim.calibration;

import java.util.List;

/**
 * How far the model is from the fitted observations: the sum over them of the squared standardised
 * residual, ((model - observed) / sd)^2, where the model's value is the mean over the replications
 * of a parameter vector. With Gaussian observation errors this is -2 log likelihood up to a
 * constant, so a tolerance on it is a tolerance on the likelihood (Wilkinson 2013). Held-out
 * observations never enter it.
 */
public final class Distance {

  private Distance() {}

  public static double of(Calibration c, double[] modelMeans) {
    return of(c.observations(), modelMeans, c::fitted);
  }

  static double of(List<Observation> observations, double[] modelMeans,
      java.util.function.Predicate<Observation> fitted) {
    double d = 0;
    for (int k = 0; k < observations.size(); k++) {
      Observation o = observations.get(k);
      if (!fitted.test(o)) continue;
      double z = (modelMeans[k] - o.value()) / o.sd();
      d += z * z;
    }
    return Double.isFinite(d) ? d : Double.POSITIVE_INFINITY;
  }
}
