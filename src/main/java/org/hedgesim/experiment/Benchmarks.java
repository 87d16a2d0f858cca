package org.hedgesim.experiment;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.hedgesim.model.HedgeWorld;
import org.hedgesim.model.StepClock;
import org.hedgesim.scenario.Scenario;
import org.hedgesim.scenario.ScenarioException;
import org.hedgesim.scenario.ScenarioLoader;
import org.hedgesim.scenario.SyntheticWorld;

/**
 * The measurements of docs/PERFORMANCE.md, run by {@code hedgesim bench}. Each returns its
 * figures; nothing here asserts a target, and no test times anything.
 */
public final class Benchmarks {
  private Benchmarks() {}

  // ---------------------------------------------------------------- 1. model cost per agent-step

  /** Cost of the model per agent-step on MASON's schedule and in the plain loop. */
  public record AgentStep(int actors, int steps, int runs, double masonNanos, double bareNanos) {
    public double ratio() {
      return masonNanos / bareNanos;
    }
  }

  /**
   * Runs the scenario {@code runs} times each way, interleaved, after as many warm-up runs, and
   * takes the median per agent-step (steps only; building the world is not timed).
   */
  public static AgentStep agentStep(Scenario s, int runs) {
    for (int i = 0; i < runs; i++) {
      StepClock.onSchedule(new HedgeWorld(i, s));
      StepClock.withoutSchedule(new HedgeWorld(i, s));
    }
    double[] mason = new double[runs];
    double[] bare = new double[runs];
    for (int i = 0; i < runs; i++) {
      mason[i] = StepClock.onSchedule(new HedgeWorld(1000 + i, s));
      bare[i] = StepClock.withoutSchedule(new HedgeWorld(1000 + i, s));
    }
    double agentSteps = (double) s.actors().size() * s.steps();
    return new AgentStep(s.actors().size(), s.steps(), runs, median(mason) / agentSteps,
        median(bare) / agentSteps);
  }

  // ---------------------------------------------------------------- 6. scenario discovery (PRIM)

  /**
   * The time of {@code hedgesim discover}'s analysis on a table held in memory: the sort of every
   * dimension, the peeling trajectory to the min mass, pasting, quasi-p-values and the feature scores.
   */
  public record PrimTiming(int cases, int parameters, int steps, double seconds) {}

  /**
   * PRIM (alpha 0.05, min mass 0.05) on a synthetic table: a Latin hypercube of {@code cases} points
   * in {@code parameters} dimensions, of interest inside a box of the first two (x1 >= 0.6,
   * x2 <= 0.4) with a tenth of the labels flipped; the median of {@code rounds} timings after one
   * warm-up. The table is made once, outside the timing.
   */
  public static PrimTiming prim(int cases, int parameters, int rounds) {
    org.apache.commons.math3.random.MersenneTwister rng = new org.apache.commons.math3.random.MersenneTwister(12);
    double[][] units = new LatinHypercube(cases).generate(new int[parameters], rng).units();
    double[][] x = new double[parameters][cases];
    boolean[] y = new boolean[cases];
    List<org.hedgesim.analysis.Dimension> dims = new ArrayList<>();
    for (int d = 0; d < parameters; d++) dims.add(new org.hedgesim.analysis.Dimension.Ordered("x" + (d + 1), false));
    for (int i = 0; i < cases; i++) {
      for (int d = 0; d < parameters; d++) x[d][i] = units[i][d];
      boolean inside = x[0][i] >= 0.6 && x[1][i] <= 0.4;
      y[i] = rng.nextDouble() < 0.1 ? !inside : inside;
    }
    org.hedgesim.analysis.Cases table = new org.hedgesim.analysis.Cases(dims, x, y, "runs");
    org.hedgesim.analysis.WhereExpression where = org.hedgesim.analysis.WhereExpression.above("y", 0.5);
    double[] times = new double[rounds];
    int steps = 0;
    for (int r = -1; r < rounds; r++) {
      long t0 = System.nanoTime();
      org.hedgesim.analysis.Discovery.Result res;
      try {
        res = org.hedgesim.analysis.Discovery.run(table, where, "y", "runs",
            new org.hedgesim.analysis.Prim.Settings(0.05, 0.05), -1, 1);
      } catch (org.hedgesim.analysis.Discovery.NoSuchStep e) {
        throw new IllegalStateException(e);
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      steps = res.boxes().get(0).trajectory().size() - 1;
      if (r >= 0) times[r] = seconds;
    }
    return new PrimTiming(cases, parameters, steps, median(times));
  }

  // ---------------------------------------------------------------- 2. sweep throughput

  /** Runs per second of a sweep on 1 and on 2 threads, and the parallel efficiency. */
  public record Throughput(long runs, double oneThread, double twoThreads) {
    public double efficiency() {
      return twoThreads / (2 * oneThread);
    }

    /** Seconds for the whole sweep on two threads. */
    public double secondsOnTwo() {
      return runs / twoThreads;
    }
  }

  /**
   * In this JVM, after a warm-up sweep on two threads: the best of {@code rounds} sweeps on one
   * and on two threads (alternating), each written to a scratch folder that is then removed.
   */
  public static Throughput sweepInProcess(Sweep sweep, int rounds, Path scratch) throws Exception {
    timeSweep(sweep, 2, scratch);
    double one = 0;
    double two = 0;
    for (int r = 0; r < rounds; r++) {
      one = Math.max(one, sweep.runs() / timeSweep(sweep, 1, scratch));
      two = Math.max(two, sweep.runs() / timeSweep(sweep, 2, scratch));
    }
    return new Throughput(sweep.runs(), one, two);
  }

  private static double timeSweep(Sweep sweep, int threads, Path scratch) throws Exception {
    Path out = Files.createTempDirectory(scratch, "sweep");
    Files.delete(out);
    long t0 = System.nanoTime();
    SweepRun.execute(sweep, new SweepRun.Options(out, threads, Shard.WHOLE, false, false), SweepProgress.NONE);
    double seconds = (System.nanoTime() - t0) / 1e9;
    deleteTree(out);
    return seconds;
  }

  /** A robust-decision study's runs per second on {@code threads} threads, and its seconds. */
  public record RobustSpeed(long runs, int threads, double seconds) {
    public double runsPerSecond() {
      return runs / seconds;
    }
  }

  /**
   * The whole study (every setting, future and replication, with all its files) in this JVM, the
   * best of {@code rounds}, each written to a scratch folder that is then removed. The first round
   * includes the compiler's warm-up, as a user's single run does.
   */
  /** A calibration timed: the model runs it made (parameter vectors times replications) and its wall time. */
  public record CalibrationSpeed(long simulations, int threads, double seconds) {
    public double simulationsPerSecond() {
      return simulations / seconds;
    }
  }

  /** Times an ABC-SMC calibration (nothing written), best of {@code rounds}. */
  public static CalibrationSpeed calibration(org.hedgesim.calibration.Calibration c, int threads, int rounds) {
    double best = Double.POSITIVE_INFINITY;
    long simulations = 0;
    for (int r = 0; r < rounds; r++) {
      java.util.List<org.hedgesim.calibration.Population> kept = new java.util.ArrayList<>();
      long t0 = System.nanoTime();
      org.hedgesim.calibration.AbcSmc.Outcome o = new org.hedgesim.calibration.AbcSmc(c,
          new org.hedgesim.calibration.Simulator(c, org.hedgesim.calibration.Simulator.HEDGING), threads)
          .run(new org.hedgesim.calibration.AbcSmc.Journal() {
            @Override
            public java.util.List<org.hedgesim.calibration.Population> finished() {
              return java.util.List.of();
            }

            @Override
            public void save(org.hedgesim.calibration.Population p) {
              kept.add(p);
            }
          }, SweepProgress.NONE);
      best = Math.min(best, (System.nanoTime() - t0) / 1e9);
      simulations = o.generations().stream().mapToLong(p -> p.proposals()).sum() * c.replications();
    }
    return new CalibrationSpeed(simulations, threads, best);
  }

  public static RobustSpeed robust(RobustStudy study, int threads, int rounds, Path scratch) throws Exception {
    double best = Double.POSITIVE_INFINITY;
    for (int r = 0; r < rounds; r++) {
      Path out = Files.createTempDirectory(scratch, "robust");
      Files.delete(out);
      long t0 = System.nanoTime();
      RobustRun.execute(study, new RobustRun.Options(out, threads), SweepProgress.NONE, null);
      best = Math.min(best, (System.nanoTime() - t0) / 1e9);
      deleteTree(out);
    }
    return new RobustSpeed(study.runs(), threads, best);
  }

  /**
   * The same scenario's runs in bare threads, without the sweep engine, its ordering or any file:
   * the upper bound that the machine itself puts on parallel efficiency. Best of {@code rounds},
   * after a warm-up, {@code runs} runs per thread.
   */
  public static Throughput bareThreads(Scenario s, int runs, int rounds) throws InterruptedException {
    bareRate(s, 2, runs);
    double one = 0;
    double two = 0;
    for (int r = 0; r < rounds; r++) {
      one = Math.max(one, bareRate(s, 1, runs));
      two = Math.max(two, bareRate(s, 2, runs));
    }
    return new Throughput((long) runs * 2, one, two);
  }

  private static double bareRate(Scenario s, int threads, int runsPerThread) throws InterruptedException {
    Thread[] workers = new Thread[threads];
    long t0 = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      long base = 1_000_000L * t;
      workers[t] = new Thread(() -> {
        for (int i = 0; i < runsPerThread; i++) new HedgeWorld(base + i, s).runToEnd();
      }, "bench-bare-" + t);
      workers[t].start();
    }
    for (Thread w : workers) w.join();
    return threads * runsPerThread / ((System.nanoTime() - t0) / 1e9);
  }

  /**
   * As a user sees it: the best of {@code rounds} runs of {@code hedgesim sweep} in a new JVM on
   * one and on two threads (JVM start and compilation included).
   */
  public static Throughput sweepProcesses(List<String> java, Path sweepFile, long runs, int rounds,
      Path scratch) throws IOException, InterruptedException {
    double one = 0;
    double two = 0;
    for (int r = 0; r < rounds; r++) {
      for (int threads : new int[] {1, 2}) {
        Path out = Files.createTempDirectory(scratch, "sweep");
        Files.delete(out);
        List<String> cmd = new ArrayList<>(java);
        cmd.addAll(List.of("sweep", sweepFile.toString(), "--threads", Integer.toString(threads),
            "--out", out.toString(), "--progress", "none"));
        double seconds = wall(cmd, scratch);
        deleteTree(out);
        if (threads == 1) {
          one = Math.max(one, runs / seconds);
        } else {
          two = Math.max(two, runs / seconds);
        }
      }
    }
    return new Throughput(runs, one, two);
  }

  // ---------------------------------------------------------------- 3. start-up

  /** Median wall time (seconds) of a command and of the JVM's own start ({@code java -version}). */
  public record Startup(double command, double jvm, int rounds) {}

  public static Startup startup(List<String> command, int rounds, Path scratch)
      throws IOException, InterruptedException {
    wall(command, scratch); // the first call may build the class-data archive
    double[] c = new double[rounds];
    double[] j = new double[rounds];
    for (int i = 0; i < rounds; i++) {
      c[i] = wall(command, scratch);
      j[i] = wall(List.of(javaExecutable(), "-version"), scratch);
    }
    return new Startup(median(c), median(j), rounds);
  }

  // ---------------------------------------------------------------- 4. growth with the world

  /** Milliseconds per step at each size, and the fitted growth exponent (ms ~ N^k). */
  public record Scaling(int[] sizes, double[] millisPerStep, double exponent, double exponentLastTwo) {}

  /**
   * For each size, a synthetic world (every pair related) bound in memory; after one warm-up run,
   * the median time per step of {@code runs} runs (steps only, no recording).
   */
  public static Scaling scaling(int[] sizes, int runs) throws ScenarioException {
    double[] ms = new double[sizes.length];
    SimpleRegression fit = new SimpleRegression();
    for (int i = 0; i < sizes.length; i++) {
      Scenario s = new SyntheticWorld(sizes[i], 0, 1, 10).scenario();
      StepClock.onSchedule(new HedgeWorld(1, s));
      double[] perStep = new double[runs];
      for (int r = 0; r < runs; r++) {
        perStep[r] = StepClock.onSchedule(new HedgeWorld(2 + r, s)) / 1e6 / s.steps();
      }
      ms[i] = median(perStep);
      fit.addData(Math.log(sizes[i]), Math.log(ms[i]));
    }
    int n = sizes.length;
    double last = n < 2 ? Double.NaN
        : Math.log(ms[n - 1] / ms[n - 2]) / Math.log((double) sizes[n - 1] / sizes[n - 2]);
    return new Scaling(sizes.clone(), ms, n < 2 ? Double.NaN : fit.getSlope(), last);
  }

  // ---------------------------------------------------------------- 5. memory of a long sweep

  /** The largest live heap (after a full collection) seen during sweeps of two sizes, in MiB. */
  public record Heap(long smallRuns, double smallMiB, long largeRuns, double largeMiB) {}

  /**
   * Runs shard 1/{@code split} of the sweep, then the whole sweep, on two threads, while a sampler
   * forces a collection every {@code everyMillis} ms and records the heap in use after it.
   */
  public static Heap heap(Sweep sweep, int split, long everyMillis, Path scratch) throws Exception {
    double small = liveHeapDuring(() -> runShard(sweep, new Shard(1, split), scratch), everyMillis);
    double large = liveHeapDuring(() -> runShard(sweep, Shard.WHOLE, scratch), everyMillis);
    long smallRuns = new Shard(1, split).to(sweep.runs()) - new Shard(1, split).from(sweep.runs());
    return new Heap(smallRuns, small, sweep.runs(), large);
  }

  private interface Work {
    void run() throws Exception;
  }

  private static void runShard(Sweep sweep, Shard shard, Path scratch) throws Exception {
    Path out = Files.createTempDirectory(scratch, "heap");
    Files.delete(out);
    SweepRun.execute(sweep, new SweepRun.Options(out, 2, shard, false, false), SweepProgress.NONE);
    deleteTree(out);
  }

  private static double liveHeapDuring(Work work, long everyMillis) throws Exception {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long[] peak = {0};
    Thread sampler = new Thread(() -> {
      try {
        while (!Thread.currentThread().isInterrupted()) {
          System.gc();
          peak[0] = Math.max(peak[0], memory.getHeapMemoryUsage().getUsed());
          TimeUnit.MILLISECONDS.sleep(everyMillis);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "heap-sampler");
    sampler.setDaemon(true);
    System.gc();
    sampler.start();
    try {
      work.run();
    } finally {
      sampler.interrupt();
      sampler.join();
    }
    return peak[0] / (1024.0 * 1024.0);
  }

  // ---------------------------------------------------------------- helpers

  /** Loads a scenario of the repository. */
  public static Scenario scenario(Path file) throws ScenarioException {
    return ScenarioLoader.load(file);
  }

  /** The java executable of this JVM. */
  public static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static double wall(List<String> command, Path scratch) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).directory(scratch.toFile())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
    long t0 = System.nanoTime();
    Process p = pb.start();
    int code = p.waitFor();
    double seconds = (System.nanoTime() - t0) / 1e9;
    if (code != 0) throw new IOException("'" + String.join(" ", command) + "' exited with " + code);
    return seconds;
  }

  static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }

  private static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) return;
    try (Stream<Path> walk = Files.walk(p)) {
      for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(q);
    }
  }
}
