package org.hedgesim.calibration;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.math3.random.MersenneTwister;
import org.hedgesim.experiment.SweepProgress;
import org.hedgesim.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parameter recovery with the hedging model itself, in a small world (three years of quarterly
 * steps): the observations are one run of the model at known values of two parameters plus
 * observation noise; ABC-SMC must cover the true values with its 90% intervals in at least 80% of
 * 20 recoveries (40 intervals), with different true values and seeds.
 */
class HedgingRecoveryTest {

  static final List<String> ROWS = List.of("2025,alignment,S,P", "2026,alignment,S,P", "2027,alignment,S,P",
      "2025,alignment,S,Q", "2026,alignment,S,Q", "2027,alignment,S,Q", "2026,trust,S,P", "2027,trust,S,P");
  static final double SD = 0.02;

  @Test
  void abcSmcRecoversTheHedgingModelsParameters(@TempDir Path dir) throws Exception {
    int covered = 0;
    int intervals = 0;
    StringBuilder log = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      Path d = Files.createDirectories(dir.resolve("r" + i));
      MersenneTwister rng = new MersenneTwister(500 + i);
      double[] truth = {FreeParameter.rounded(0.1 + 0.8 * rng.nextDouble()), FreeParameter.rounded(0.2 + 0.6 * rng.nextDouble())};
      Fixture.world(d);
      // a first file to learn the observations' steps, then the synthetic values from one run at the truth
      Fixture.observations(d, "obs.csv", ROWS, new double[ROWS.size()], SD);
      Path file = Fixture.calibration(d, "obs.csv", 2, "abc-smc",
          "seed: " + (77 + i) + "\nparticles: 100\ngenerations: 4\nreplications: 1\n");
      Calibration probe = CalibrationLoader.load(file, file.toString());
      Scenario atTruth = probe.scenario(truth);
      double[] run = Simulator.HEDGING.observe(atTruth, truth, 9_000 + i, probe.observations());
      double[] values = new double[run.length];
      for (int k = 0; k < run.length; k++) values[k] = run[k] + SD * rng.nextGaussian();
      Fixture.observations(d, "obs.csv", ROWS, values, SD);
      Calibration c = CalibrationLoader.load(file, file.toString());
      AbcSmc.Outcome o = new AbcSmc(c, new Simulator(c, Simulator.HEDGING), 2).run(RecoveryTest.memory(), SweepProgress.NONE);
      List<PosteriorSummary> s = PosteriorSummary.of(c, o.last());
      for (int j = 0; j < 2; j++) {
        intervals++;
        boolean in = truth[j] >= s.get(j).q05() && truth[j] <= s.get(j).q95();
        if (in) covered++;
        log.append(String.format(java.util.Locale.ROOT, "%s truth %.3f interval [%.3f, %.3f]%s%n",
            s.get(j).parameter().name(), truth[j], s.get(j).q05(), s.get(j).q95(), in ? "" : "  MISSED"));
      }
    }
    System.out.print(log);
    double coverage = (double) covered / intervals;
    assertTrue(coverage >= 0.8, "the 90% intervals covered the truth in " + coverage + " of " + intervals + ":\n" + log);
  }
}
