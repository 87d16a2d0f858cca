package org.hedgesim.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.YearMonth;
import java.util.List;
import org.hedgesim.model.SeriesKey;
import org.hedgesim.scenario.Origin;
import org.junit.jupiter.api.Test;

/**
 * Hold-out scoring on a case worked by hand: one series observed in 2019, 2020 (fitted) and 2021,
 * 2022 (held out), and a second series observed once (fitted, so it has no persistence forecast).
 */
class ScoresTest {

  static PredictiveFit fit(String series, int year, double observed, boolean fitted, double median, double q05,
      double q25, double q75, double q95) {
    Observation o = new Observation(new Origin("obs.csv", year - 2017, 1), Integer.toString(year), YearMonth.of(year, 1),
        YearMonth.of(year, 12), new SeriesKey(series, "A", "B"), observed, 0.1, true, "test", 0, 11);
    return new PredictiveFit(o, fitted, median, median, q05, q25, q75, q95);
  }

  @Test
  void scoresTheHoldOutAgainstPersistence() {
    List<PredictiveFit> fits = List.of(
        fit("share", 2019, 0.40, true, 0.42, 0.30, 0.38, 0.46, 0.55),
        fit("share", 2020, 0.44, true, 0.43, 0.30, 0.40, 0.47, 0.56),
        fit("share", 2021, 0.50, false, 0.47, 0.35, 0.44, 0.52, 0.60),
        fit("share", 2022, 0.56, false, 0.49, 0.36, 0.45, 0.53, 0.62),
        fit("other", 2020, 0.10, true, 0.10, 0.05, 0.08, 0.12, 0.15));
    List<Scores> s = Scores.of(fits);
    assertEquals(10, s.size(), "all and each metric, model and persistence, in sample and held out (other has no hold-out)");
    Scores inAll = find(s, "in-sample", "all", "model");
    Scores inShare = find(s, "in-sample", "share", "model");
    Scores inPersistence = find(s, "in-sample", "share", "persistence");
    Scores outModel = find(s, "hold-out", "share", "model");
    Scores outPersistence = find(s, "hold-out", "share", "persistence");
    // in sample: residuals 0.02, -0.01 (share) and 0 (other), all with sd 0.1
    assertEquals(3, inAll.n());
    assertEquals(Double.NaN, inAll.rmse(), "no RMSE in units across metrics");
    assertEquals(Math.sqrt((4 + 1) / 3.0) / 10, inAll.rmseStandardised(), 1e-12);
    assertEquals(Math.sqrt((0.0004 + 0.0001) / 2), inShare.rmse(), 1e-12);
    // persistence only for 2020 (from 2019): 0.40 against 0.44
    assertEquals(1, inPersistence.n());
    assertEquals(0.04, inPersistence.rmse(), 1e-12);
    assertEquals(1 - 0.01 / 0.04, inShare.skill(), 1e-12);
    assertEquals(1.0, inShare.directionAccuracy(), 1e-12, "2020 rose from 0.40, the median 0.43 too");
    // hold-out: persistence carries 2020's 0.44 on; model residuals -0.03 and -0.07
    assertEquals(2, outModel.n());
    assertEquals(Math.sqrt((0.0009 + 0.0049) / 2), outModel.rmse(), 1e-12);
    assertEquals(Math.sqrt((0.0036 + 0.0144) / 2), outPersistence.rmse(), 1e-12);
    assertEquals(1 - Math.sqrt(0.0058 / 2) / Math.sqrt(0.018 / 2), outModel.skill(), 1e-12);
    assertEquals(outModel.skill(), find(s, "hold-out", "all", "model").skill(), 1e-12, "one metric held out");
    assertEquals(0.5, outModel.coverage50(), 1e-12, "0.50 is inside [0.44, 0.52], 0.56 outside [0.45, 0.53]");
    assertEquals(1.0, outModel.coverage90(), 1e-12);
    assertEquals(2, outModel.directionN());
    assertEquals(1.0, outModel.directionAccuracy(), 1e-12, "both rose from 0.44, and both medians are above it");
    assertEquals(Double.NaN, outPersistence.coverage90());
  }

  static Scores find(List<Scores> s, String set, String metric, String forecast) {
    return s.stream().filter(x -> x.set().equals(set) && x.metric().equals(metric) && x.forecast().equals(forecast))
        .findFirst().orElseThrow();
  }
}
