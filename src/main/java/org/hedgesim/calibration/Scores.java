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
 *   <li>skill: 1 - RMSE(model) / RMSE(persistence) of the standardised residuals, over the
 *       observations both forecast. Above 0
 *       the model beats persistence, 1 is a perfect forecast, below 0 it does worse.</li>
 * </ul>
 *
 * <p>Rows are given for all observations together ({@code metric} = {@code all}) and for each
 * metric. RMSE is in the metric's units (empty for {@code all}, whose metrics have different
 * units); the standardised RMSE and the skill use residuals divided by each observation's sd, so
 * that a share and a GDP in billions count alike.
 *
 * @param set {@code in-sample} or {@code hold-out}
 * @param metric a metric, or {@code all}
 * @param forecast {@code model} or {@code persistence}
 * @param n the observations scored
 * @param rmse NaN for {@code all}
 * @param coverage50 NaN for persistence (a point forecast)
 * @param directionN observations with a reference value they differ from
 * @param skill NaN for persistence, and when no observation has a persistence forecast
 */
public record Scores(String set, String metric, String forecast, int n, double rmse, double rmseStandardised,
    double coverage50, double coverage90, int directionN, double directionAccuracy, double skill) {

  public static final String ALL = "all";

  public static List<Scores> of(List<PredictiveFit> fits) {
    List<String> metrics = new ArrayList<>();
    metrics.add(ALL);
    for (PredictiveFit f : fits) {
      if (!metrics.contains(f.observation().series().metric())) metrics.add(f.observation().series().metric());
    }
    List<Scores> out = new ArrayList<>();
    for (boolean fitted : new boolean[] {true, false}) {
      for (String metric : metrics) {
        List<PredictiveFit> in = fits.stream().filter(f -> f.fitted() == fitted
            && (metric.equals(ALL) || f.observation().series().metric().equals(metric))).toList();
        if (in.isEmpty() && !metric.equals(ALL)) continue;
        score(fits, in, fitted ? "in-sample" : "hold-out", metric, out);
      }
    }
    return out;
  }

  private static void score(List<PredictiveFit> fits, List<PredictiveFit> in, String set, String metric,
      List<Scores> out) {
    double se = 0;
    double z2 = 0;
    int c50 = 0;
    int c90 = 0;
    int dirN = 0;
    int dirOk = 0;
    double seP = 0;
    double z2P = 0;
    double z2Common = 0;
    int nP = 0;
    for (PredictiveFit f : in) {
      double y = f.observation().value();
      double sd = f.observation().sd();
      se += (f.median() - y) * (f.median() - y);
      z2 += sq((f.median() - y) / sd);
      if (f.covered50()) c50++;
      if (f.covered90()) c90++;
      PredictiveFit ref = reference(fits, f);
      if (ref == null) continue;
      double r = ref.observation().value();
      nP++;
      seP += (r - y) * (r - y);
      z2P += sq((r - y) / sd);
      z2Common += sq((f.median() - y) / sd);
      if (y != r) {
        dirN++;
        if (Math.signum(f.median() - r) == Math.signum(y - r)) dirOk++;
      }
    }
    int n = in.size();
    boolean units = !metric.equals(ALL);
    double skill = nP == 0 || z2P == 0 ? Double.NaN : 1 - Math.sqrt(z2Common / z2P);
    out.add(new Scores(set, metric, "model", n, units && n > 0 ? Math.sqrt(se / n) : Double.NaN,
        n == 0 ? Double.NaN : Math.sqrt(z2 / n), n == 0 ? Double.NaN : (double) c50 / n,
        n == 0 ? Double.NaN : (double) c90 / n, dirN, dirN == 0 ? Double.NaN : (double) dirOk / dirN, skill));
    out.add(new Scores(set, metric, "persistence", nP, units && nP > 0 ? Math.sqrt(seP / nP) : Double.NaN,
        nP == 0 ? Double.NaN : Math.sqrt(z2P / nP), Double.NaN, Double.NaN, 0, Double.NaN, Double.NaN));
  }

  private static double sq(double x) {
    return x * x;
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
