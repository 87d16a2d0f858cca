package org.hedgesim.experiment;

import java.time.Duration;
import org.hedgesim.model.HedgeWorld;
import org.hedgesim.scenario.ScenarioException;

/**
 * A quick pilot of a sweep: a few of its runs, done one after another on one thread and thrown
 * away, to estimate how long the whole sweep would take before anyone commits hours of machine
 * time to it. The first runs also pay for loading and compiling the model's classes, so the
 * estimate leans high.
 */
public final class Pilot {

  /** How many runs a pilot does (fewer when the sweep has fewer). */
  public static final int RUNS = 5;

  private Pilot() {}

  /**
   * The estimate.
   *
   * @param pilotRuns the runs timed
   * @param perRun the mean wall time of one of them
   */
  public record Estimate(int pilotRuns, Duration perRun) {

    /** The wall time of {@code runs} runs spread over {@code threads} threads. */
    public Duration total(long runs, int threads) {
      double nanos = (double) perRun.toNanos() * runs / Math.max(1, threads);
      return Duration.ofNanos((long) Math.min(Long.MAX_VALUE, nanos));
    }
  }

  /**
   * Times the first runs of {@code from} on; null when a run cannot be made (a design point that
   * is not a valid scenario, which the sweep itself reports when it reaches it).
   *
   * @param evaluator what each run computes, or null for the hedging model
   */
  public static Estimate of(Sweep sweep, long from, long to, SweepRun.Evaluator evaluator) {
    int n = (int) Math.min(RUNS, Math.max(0, to - from));
    if (n == 0) return null;
    long t0 = System.nanoTime();
    try {
      for (long run = from; run < from + n; run++) {
        int point = sweep.pointOf(run);
        if (evaluator != null) {
          evaluator.outcomes(sweep, point, sweep.seedOf(run));
        } else {
          HedgeWorld world = new HedgeWorld(sweep.seedOf(run), sweep.scenario(point));
          world.setObserver(new OutcomeObserver(sweep.outcomes()));
          world.runToEnd();
        }
      }
    } catch (ScenarioException | RuntimeException e) {
      return null;
    }
    return new Estimate(n, Duration.ofNanos((System.nanoTime() - t0) / n));
  }
}
