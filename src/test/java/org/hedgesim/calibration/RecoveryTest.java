package org.hedgesim.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.random.MersenneTwister;
import org.hedgesim.experiment.SweepProgress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parameter recovery, the coverage test of the method (docs/CALIBRATION.md): observations are
 * made from a model with known parameter values plus observation noise, the model is calibrated
 * on them, and the 90% credible intervals must cover the true values in at least 80% of the
 * cases, over 20 recoveries with different true values and seeds. A third parameter that affects
 * no observation must keep a posterior as wide as its prior and be flagged as not identified.
 * The model is {@link ToyModel} (whose answer is known), so that 20 calibrations take seconds; the
 * hedging model's own recovery is {@link HedgingRecoveryTest}.
 */
class RecoveryTest {

  static final List<String> ROWS = List.of("2025,alignment,S,P", "2026,alignment,S,P", "2027,alignment,S,P",
      "2025,hedging_index,S,", "2026,hedging_index,S,", "2027,hedging_index,S,");
  static final double SD = 0.05;

  private record Result(double[] truth, List<PosteriorSummary> summary) {}

  private static Result recover(Path dir, long seed, String method, String extra) throws Exception {
    MersenneTwister rng = new MersenneTwister(seed);
    double[] truth = {0.15 + 0.7 * rng.nextDouble(), 0.2 + 0.6 * rng.nextDouble(), 0.2 + 0.7 * rng.nextDouble()};
    double[] values = new double[ROWS.size()];
    for (int k = 0; k < values.length; k++) values[k] = ToyModel.mean(truth, k) + SD * rng.nextGaussian();
    Fixture.world(dir);
    Fixture.observations(dir, "obs.csv", ROWS, values, SD);
    Path file = Fixture.calibration(dir, "obs.csv", 3, method, "seed: " + seed + "\n" + extra);
    Calibration c = CalibrationLoader.load(file, file.toString());
    Simulator sim = new Simulator(c, new ToyModel(0.01));
    AbcSmc.Outcome o = method.equals("rejection") ? new Rejection(c, sim, 2).run(memory(), SweepProgress.NONE)
        : new AbcSmc(c, sim, 2).run(memory(), SweepProgress.NONE);
    return new Result(truth, PosteriorSummary.of(c, o.last()));
  }

  static AbcSmc.Journal memory() {
    return new AbcSmc.Journal() {
      final List<Population> saved = new ArrayList<>();

      @Override
      public List<Population> finished() {
        return saved;
      }

      @Override
      public void save(Population p) {
        saved.add(p);
      }
    };
  }

  private static void check(Path dir, String method, String extra) throws Exception {
    int covered = 0;
    int intervals = 0;
    int flagged = 0;
    double widest = 0;
    for (int i = 0; i < 20; i++) {
      Path d = dir.resolve("r" + i);
      java.nio.file.Files.createDirectories(d);
      Result r = recover(d, 1000 + i, method, extra);
      for (int j = 0; j < 2; j++) {
        PosteriorSummary s = r.summary().get(j);
        intervals++;
        if (r.truth()[j] >= s.q05() && r.truth()[j] <= s.q95()) covered++;
        widest = Math.max(widest, s.q95() - s.q05());
      }
      if (r.summary().get(2).verdict() == PosteriorSummary.Verdict.NOT_IDENTIFIED) flagged++;
      assertTrue(r.summary().get(0).verdict() == PosteriorSummary.Verdict.IDENTIFIED,
          "the intercept is pinned by six observations: " + r.summary().get(0));
    }
    double coverage = (double) covered / intervals;
    assertTrue(coverage >= 0.8, method + ": the 90% intervals covered the truth in " + coverage + " of " + intervals);
    // intervals that cover by being as wide as the prior would pass the line above: they must be narrow
    assertTrue(widest < 0.45, method + ": the widest 90% interval of an identified parameter is " + widest);
    assertEquals(20, flagged, method + ": the parameter no observation depends on is flagged in every recovery");
  }

  @Test
  void abcSmcCoversTheTruthAndFlagsTheUnidentifiable(@TempDir Path dir) throws Exception {
    check(dir, "abc-smc", "particles: 200\ngenerations: 6\nreplications: 1\n");
  }

  @Test
  void rejectionCoversTheTruthAndFlagsTheUnidentifiable(@TempDir Path dir) throws Exception {
    check(dir, "rejection", "particles: 100\nsamples: 4000\nreplications: 1\n");
  }
}
