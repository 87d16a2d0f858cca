package org.hedgesim.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hedgesim.experiment.SweepProgress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CMA-ES on a model whose answer is known ({@link ToyModel} without run noise, a linear model with
 * Gaussian observation errors): the optimum is the least-squares solution, and the slice of the
 * distance through it is a parabola, whose 90% interval has half-width sqrt(2.706 sd^2 / sum s^2)
 * (1.645 sd / sqrt(6) for the intercept, whose six slopes are 1; sqrt(2.706 / 4) sd for the
 * slope, whose slopes are -1, 0, 1 twice). The third parameter moves nothing: its slice is flat,
 * its interval the whole range, and it is flagged as not identified.
 */
class CmaesTest {

  static Cmaes.Memory memory() {
    return new Cmaes.Memory() {
      final Map<Long, Particle> m = new HashMap<>();

      @Override
      public Particle recall(long n) {
        return m.get(n);
      }

      @Override
      public void remember(long n, Particle p) {
        m.put(n, p);
      }
    };
  }

  @Test
  void findsTheLeastSquaresSolutionAndItsLikelihoodInterval(@TempDir Path dir) throws Exception {
    double sd = 0.05;
    double[] y = {0.31, 0.52, 0.69, 0.28, 0.47, 0.75};
    Fixture.world(dir);
    Fixture.observations(dir, "obs.csv", RecoveryTest.ROWS, y, sd);
    Path file = Fixture.calibration(dir, "obs.csv", 3, "cmaes", "seed: 3\nevaluations: 600\nreplications: 1\n");
    Calibration c = CalibrationLoader.load(file, file.toString());
    Cmaes.Result r = new Cmaes(c, new Simulator(c, new ToyModel(0)), 2).run(memory(), SweepProgress.NONE);
    double intercept = 0;
    double slope = 0;
    for (int k = 0; k < 6; k++) {
      intercept += y[k] / 6;
      slope += (k % 3 - 1) * y[k] / 4;
    }
    assertEquals(intercept, r.best().theta()[0], 0.002, "the intercept");
    assertEquals(slope, r.best().theta()[1], 0.002, "the slope");
    List<PosteriorSummary> s = Cmaes.summary(c, r);
    double halfIntercept = Math.sqrt(Cmaes.CHI2_90 * sd * sd / 6);
    double halfSlope = Math.sqrt(Cmaes.CHI2_90 * sd * sd / 4);
    assertEquals(2 * halfIntercept, s.get(0).q95() - s.get(0).q05(), 0.05 * 2 * halfIntercept, "90% interval of the intercept");
    assertEquals(2 * halfSlope, s.get(1).q95() - s.get(1).q05(), 0.05 * 2 * halfSlope, "90% interval of the slope");
    assertEquals(PosteriorSummary.Verdict.IDENTIFIED, s.get(0).verdict());
    assertEquals(PosteriorSummary.Verdict.NOT_IDENTIFIED, s.get(2).verdict());
    assertEquals(0.2, s.get(2).q05(), 1e-9, "a flat slice spans the range");
    assertEquals(0.9, s.get(2).q95(), 1e-9, "a flat slice spans the range");
  }

  @Test
  void aResumedRunAnswersFromItsMemoryAndEndsTheSame(@TempDir Path dir) throws Exception {
    Fixture.world(dir);
    Fixture.observations(dir, "obs.csv", RecoveryTest.ROWS, new double[] {0.3, 0.5, 0.7, 0.3, 0.5, 0.7}, 0.05);
    Path file = Fixture.calibration(dir, "obs.csv", 2, "cmaes", "seed: 4\nevaluations: 200\nreplications: 2\n");
    Calibration c = CalibrationLoader.load(file, file.toString());
    Cmaes.Result whole = new Cmaes(c, new Simulator(c, new ToyModel(0.01)), 2).run(memory(), SweepProgress.NONE);
    // a run whose model fails after 50 evaluations leaves 50 in its memory; the second run takes them up
    Cmaes.Memory kept = memory();
    List<Integer> calls = new ArrayList<>();
    Simulator.Model failing = (s, theta, seed, obs) -> {
      if (calls.size() >= 100) throw new IllegalStateException("killed");
      calls.add(1);
      return new ToyModel(0.01).observe(s, theta, seed, obs);
    };
    try {
      new Cmaes(c, new Simulator(c, failing), 1).run(kept, SweepProgress.NONE);
    } catch (IllegalStateException expected) {
      // the interruption
    }
    int[] fresh = {0};
    Simulator.Model counting = (s, theta, seed, obs) -> {
      fresh[0]++;
      return new ToyModel(0.01).observe(s, theta, seed, obs);
    };
    Cmaes.Result resumed = new Cmaes(c, new Simulator(c, counting), 2).run(kept, SweepProgress.NONE);
    assertEquals(whole.best().distance(), resumed.best().distance(), 0.0);
    assertEquals(whole.profiles(), resumed.profiles());
    assertEquals(2 * whole.evaluations() + 2 * 2 * (11 + 2 * Cmaes.REFINE) - 100, fresh[0],
        "the resumed run ran only what the first had not");
  }
}
