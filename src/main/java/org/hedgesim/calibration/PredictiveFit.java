package org.hedgesim.calibration;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.random.MersenneTwister;
import org.hedgesim.experiment.Seeds;

/**
 * The posterior predictive of each observation: what the calibrated model says the observed value
 * would be, with every source of uncertainty the calibration knows of. Its sample has one member
 * per particle, replication and error draw of the last population (weight: the particle's,
 * shared equally), each the run's value plus an observation error drawn from N(0, sd) (the error
 * the distance assumes); each run gets as many error draws as make the sample at least 400. The median and the 50% and 90% central intervals of that sample are
 * compared with the observed value; held-out observations, never fitted, are forecasts.
 *
 * @param fitted false for a held-out observation
 * @param modelMedian the weighted median of the runs' values, without observation error
 */
public record PredictiveFit(Observation observation, boolean fitted, double modelMedian, double median,
    double q05, double q25, double q75, double q95) {

  /** The counter of {@link Seeds#derive} whose generator draws the observation errors. */
  static final long ERROR_STREAM = -4;

  public boolean covered50() {
    return observation.value() >= q25 && observation.value() <= q75;
  }

  public boolean covered90() {
    return observation.value() >= q05 && observation.value() <= q95;
  }

  public static List<PredictiveFit> of(Calibration c, Population p) {
    MersenneTwister rng = new MersenneTwister(Seeds.derive(c.seed(), ERROR_STREAM, 0));
    int reps = c.replications();
    // at least 400 members, so that a small population (a point estimate) still has intervals
    int errors = Math.max(1, (int) Math.ceil(400.0 / (p.particles().size() * reps)));
    int n = p.particles().size() * reps * errors;
    int k = c.observations().size();
    double[][] draws = new double[k][n];
    double[][] runs = new double[k][n];
    double[] w = new double[n];
    int at = 0;
    for (Particle q : p.particles()) {
      for (int r = 0; r < reps; r++) {
        for (int e = 0; e < errors; e++) {
          w[at] = q.weight() / reps / errors;
          for (int j = 0; j < k; j++) {
            runs[j][at] = q.predictions()[r][j];
            draws[j][at] = runs[j][at] + c.observations().get(j).sd() * rng.nextGaussian();
          }
          at++;
        }
      }
    }
    List<PredictiveFit> out = new ArrayList<>();
    for (int j = 0; j < k; j++) {
      Observation o = c.observations().get(j);
      WeightedSample s = new WeightedSample(draws[j], w);
      WeightedSample m = new WeightedSample(runs[j], w);
      out.add(new PredictiveFit(o, c.fitted(o), m.quantile(0.5), s.quantile(0.5), s.quantile(0.05),
          s.quantile(0.25), s.quantile(0.75), s.quantile(0.95)));
    }
    return out;
  }
}
