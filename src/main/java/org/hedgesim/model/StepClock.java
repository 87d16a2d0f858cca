package org.hedgesim.model;

/**
 * Times the steps of one run, the world's building excluded, on MASON's schedule or in the plain
 * loop of {@link HedgeWorld#runWithoutSchedule()} (the benchmark's floor, docs/PERFORMANCE.md).
 */
public final class StepClock {
  private StepClock() {}

  /** Nanoseconds the steps take on MASON's schedule. */
  public static long onSchedule(HedgeWorld w) {
    w.start();
    int n = w.steps();
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) w.schedule.step(w);
    long t = System.nanoTime() - t0;
    w.finish();
    return t;
  }

  /** Nanoseconds the same steps take called directly in a loop. */
  public static long withoutSchedule(HedgeWorld w) {
    Runnable loop = w.prepareWithoutSchedule();
    long t0 = System.nanoTime();
    loop.run();
    return System.nanoTime() - t0;
  }
}
