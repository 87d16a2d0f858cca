package org.hedgesim.calibration;

import java.util.ArrayList;
import java.util.List;

/**
 * How well the calibrated model forecasts, in sample (the fitted observations) and out of sample
 * (the held-out ones), against the naive persistence forecast: the last fitted value of the same
 * series carried on (for an in-sample observation, the latest fitted one before it).
 *
 * <ul>
 *   <li>RMSE of the predictive median against the observed values;</li>
 *   <li>coverage: the share of observed values inside the 50% and 90% predictive intervals
 *       (a calibrated forecast covers about 50% and 90%);</li>
 *   <li>direction of change: the share of observations, among those with a reference value that
 *       differs from them, where the median moves from the reference in the direction the
 *       observation did (persistence predicts no change, so it has no such score);</li>
 *   <li>skill: 1 - RMSE(model) / RMSE(persistence) over the observations both forecast. Above 0
 *       the model beats persistence, 1 is a perfect forecast, below 0 it does worse.</li>
 * </ul>
 *
 * @param set {@code in-sample} or {@code hold-out}
 * @param forecast {@code model} or {@code persistence}
 * @param n the observations scored
 * @param coverage50 NaN for persistence (a point forecast)
 * @param directionN observations with a reference value they differ from
 * @param skill NaN for persistence, and when no observation has a persistence forecast
 */
public record Scores(String set, String forecast, int n, double rmse, double coverage50, double coverage90,
    int directionN, double directionAccuracy, double skill) {

  public static List<Scores> of(List<PredictiveFit> fits) {
    List<Scores> out = new ArrayList<>();
    for (boolean fitted : new boolean[] {true, false}) {
      String set = fitted ? "in-sample" : "hold-out";
      List<PredictiveFit> in = fits.stream().filter(f -> f.fitted() == fitted).toList();
      double se = 0;
      int c50 = 0;
      int c90 = 0;
      int dirN = 0;
      int dirOk = 0;
      double seCommon = 0;
      double sePersistence = 0;
      int nPersistence = 0;
      for (PredictiveFit f : in) {
        double y = f.observation().value();
        se += (f.median() - y) * (f.median() - y);
        if (f.covered50()) c50++;
        if (f.covered90()) c90++;
        PredictiveFit ref = reference(fits, f);
        if (ref == null) continue;
        double r = ref.observation().value();
        nPersistence++;
        sePersistence += (r - y) * (r - y);
        seCommon += (f.median() - y) * (f.median() - y);
        if (y != r) {
          dirN++;
          if (Math.signum(f.median() - r) == Math.signum(y - r)) dirOk++;
        }
      }
      int n = in.size();
      double rmseP = nPersistence == 0 ? Double.NaN : Math.sqrt(sePersistence / nPersistence);
      double skill = nPersistence == 0 || rmseP == 0 ? Double.NaN : 1 - Math.sqrt(seCommon / nPersistence) / rmseP;
      out.add(new Scores(set, "model", n, n == 0 ? Double.NaN : Math.sqrt(se / n), n == 0 ? Double.NaN : (double) c50 / n,
          n == 0 ? Double.NaN : (double) c90 / n, dirN, dirN == 0 ? Double.NaN : (double) dirOk / dirN, skill));
      out.add(new Scores(set, "persistence", nPersistence, rmseP, Double.NaN, Double.NaN, 0, Double.NaN, Double.NaN));
    }
    return out;
  }

  /**
   * The persistence forecast's source for an observation: the latest fitted observation of the same
   * series that ends before it starts; null when there is none.
   */
  static PredictiveFit reference(List<PredictiveFit> fits, PredictiveFit f) {
    PredictiveFit best = null;
    for (PredictiveFit g : fits) {
      if (!g.fitted() || g == f || !g.observation().sameSeries(f.observation())) continue;
      if (!g.observation().until().isBefore(f.observation().from())) continue;
      if (best == null || g.observation().until().isAfter(best.observation().until())) best = g;
    }
    return best;
  }
}
