package org.hedgesim.calibration;

import java.util.ArrayList;
import java.util.List;

/**
 * What the last population says of each free parameter: its weighted mean, sd, median and 50% and
 * 90% credible intervals, against the prior's mean and sd, with the shrinkage
 * 1 - posterior sd / prior sd and an identifiability verdict. A parameter the fitted observations
 * pin down has a posterior much narrower than its prior; one they say nothing of keeps a posterior
 * as wide as its prior (shrinkage near 0), whatever its median suggests.
 */
public record PosteriorSummary(FreeParameter parameter, double mean, double sd, double median, double q05,
    double q25, double q75, double q95, double shrinkage, Verdict verdict) {

  /** Shrinkage from which a parameter is called identified. */
  public static final double IDENTIFIED = 0.5;
  /** Shrinkage from which a parameter is called weakly identified. */
  public static final double WEAK = 0.2;

  /** Whether the data pin a parameter down. */
  public enum Verdict {
    IDENTIFIED("identified"), WEAKLY_IDENTIFIED("weakly identified"), NOT_IDENTIFIED("not identified");

    public final String text;

    Verdict(String text) {
      this.text = text;
    }

    public static Verdict of(double shrinkage) {
      return shrinkage >= PosteriorSummary.IDENTIFIED ? IDENTIFIED : shrinkage >= WEAK ? WEAKLY_IDENTIFIED : NOT_IDENTIFIED;
    }
  }

  public static List<PosteriorSummary> of(Calibration c, Population p) {
    List<PosteriorSummary> out = new ArrayList<>();
    int n = p.particles().size();
    double[] w = new double[n];
    for (int i = 0; i < n; i++) w[i] = p.particles().get(i).weight();
    for (int j = 0; j < c.dimension(); j++) {
      double[] x = new double[n];
      for (int i = 0; i < n; i++) x[i] = p.particles().get(i).theta()[j];
      WeightedSample s = new WeightedSample(x, w);
      FreeParameter f = c.parameters().get(j);
      double shrinkage = 1 - s.sd() / f.prior().sd();
      out.add(new PosteriorSummary(f, s.mean(), s.sd(), s.quantile(0.5), s.quantile(0.05), s.quantile(0.25),
          s.quantile(0.75), s.quantile(0.95), shrinkage, Verdict.of(shrinkage)));
    }
    return out;
  }
}
