package org.hedgesim.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hedgesim.analysis.ParetoSet;
import org.hedgesim.analysis.Regret;
import org.hedgesim.analysis.RobustnessMetrics;
import org.hedgesim.analysis.RobustnessMetrics.Direction;
import org.hedgesim.model.HedgeWorld;
import org.hedgesim.output.CsvTable;
import org.hedgesim.output.ResultFolder;
import org.hedgesim.scenario.Problem;
import org.hedgesim.scenario.Scenario;
import org.hedgesim.scenario.ScenarioException;

/**
 * Runs a robust-decision study: every lever setting over the same futures, each future
 * {@code replications} times on common random numbers, on a pool of threads. A task is one
 * (setting, future) cell: it runs the cell's replications in order and keeps only the mean of each
 * objective, which the writer receives in cell order ({@link OrderedParallel}), so memory holds
 * one number per cell and objective, never a run, and the files do not depend on the threads.
 * The results folder appears, whole, only when everything is written.
 */
public final class RobustRun {

  public static final String FUTURES = "futures.csv";
  public static final String OUTCOMES = "outcomes.csv";
  public static final String ROBUSTNESS = "robustness.csv";
  public static final String REGRET = "regret.csv";
  public static final String MANIFEST = "manifest.json";

  /** How to run. */
  public record Options(Path target, int threads, List<String> commandLine) {
    /** Options of a study run from Java, with no command line to record. */
    public Options(Path target, int threads) {
      this(target, threads, List.of());
    }
  }

  /**
   * What came out.
   *
   * @param values {@code values[objective][setting][future]}, the mean over replications
   * @param metrics {@code metrics[objective][setting]}
   * @param regret {@code regret[objective][setting][future]}
   * @param maxRegret {@code maxRegret[objective][setting]}
   * @param pareto whether each setting is on the Pareto set over the objectives' percentiles
   * @param mostRobust the setting of least maximum regret on the first objective (ties: better mean)
   */
  public record Findings(double[][][] values, RobustnessMetrics[][] metrics, double[][][] regret,
      double[][] maxRegret, boolean[] pareto, int mostRobust) {

    /** The findings of a study from each cell's objective means. */
    public static Findings of(RobustStudy study, double[][][] values) {
      int k = study.objectives().size();
      int settings = study.settingCount();
      RobustnessMetrics[][] metrics = new RobustnessMetrics[k][settings];
      double[][][] regret = new double[k][][];
      double[][] maxRegret = new double[k][];
      double[][] scores = new double[settings][k];
      List<Direction> directions = new ArrayList<>();
      for (int o = 0; o < k; o++) {
        RobustStudy.Objective objective = study.objectives().get(o);
        directions.add(objective.direction());
        for (int s = 0; s < settings; s++) {
          metrics[o][s] = RobustnessMetrics.of(values[o][s], objective.percentile(), objective.satisficing());
          scores[s][o] = metrics[o][s].percentile();
        }
        regret[o] = Regret.of(values[o], objective.direction());
        maxRegret[o] = Regret.max(regret[o]);
      }
      double[] means = new double[settings];
      for (int s = 0; s < settings; s++) means[s] = metrics[0][s].mean();
      int best = ParetoSet.minimaxRegret(maxRegret[0], means, study.objectives().get(0).direction());
      return new Findings(values, metrics, regret, maxRegret, ParetoSet.of(scores, directions), best);
    }
  }

  /** What was done. */
  public record Result(Path folder, long runs, Duration elapsed, Findings findings) {}

  private RobustRun() {}

  /** How every run's seed comes from the study's. */
  static final String SEED_DERIVATION = "seed(setting, future, r) = Seeds.derive(seed, future, r): common random"
      + " numbers, replication r of future f has one seed under every setting";

  /** Work done on the complete staging folder before it is moved into place (the report). */
  @FunctionalInterface
  public interface BeforeCommit {
    void accept(Path stagingFolder) throws IOException;
  }

  /**
   * Runs the study and writes its folder.
   *
   * @param beforeCommit work on the finished staging folder, or null
   */
  public static Result execute(RobustStudy study, Options options, SweepProgress progress, BeforeCommit beforeCommit)
      throws IOException, SweepException {
    Instant started = Instant.now();
    long t0 = System.nanoTime();
    int settings = study.settingCount();
    int futures = study.futureCount();
    int k = study.objectives().size();
    double[][][] values = new double[k][settings][futures];
    try (ResultFolder folder = ResultFolder.prepare(options.target())) {
      Path dir = folder.file("");
      writeFutures(study, dir.resolve(FUTURES));
      List<String> header = new ArrayList<>(List.of("setting", "future"));
      study.objectives().forEach(o -> header.add(o.name()));
      progress.start(study.runs(), 0);
      try (CsvTable outcomes = CsvTable.create(dir.resolve(OUTCOMES), header)) {
        Object[] cells = new Object[header.size()];
        int reps = study.replications();
        OrderedParallel.run(Math.multiplyExact(settings, futures), options.threads(),
            c -> runCell(study, c / futures, c % futures),
            (c, means) -> {
              int s = c / futures;
              int f = c % futures;
              cells[0] = s;
              cells[1] = f;
              for (int o = 0; o < k; o++) {
                values[o][s][f] = means[o];
                cells[2 + o] = means[o];
              }
              outcomes.row(cells);
              progress.advance((long) (c + 1) * reps);
            });
      } catch (InvalidCell e) {
        throw new SweepException(e.getMessage());
      } catch (IOException | RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IOException(e);
      }
      progress.finish(study.runs());
      Findings findings = Findings.of(study, values);
      writeRobustness(study, findings, dir.resolve(ROBUSTNESS));
      writeRegret(study, findings, dir.resolve(REGRET));
      List<String> outputs = List.of(FUTURES, OUTCOMES, ROBUSTNESS, REGRET);
      Manifest m = new Manifest("robust", options.commandLine());
      List<Path> inputs = new ArrayList<>(List.of(study.path()));
      inputs.addAll(study.base().paths());
      List<String> shown = new ArrayList<>(List.of(study.file()));
      shown.addAll(study.base().files());
      m.inputs(dir, inputs, shown);
      m.seeds(study.seed(), SEED_DERIVATION);
      m.put("robust", describe(study, findings));
      m.scenario(study.baseScenario(), study.base().paths());
      m.timing(started, Instant.now(), options.threads()).machine();
      m.outputs(dir, outputs);
      m.write(dir);
      if (beforeCommit != null) beforeCommit.accept(dir);
      folder.commit();
      return new Result(folder.target(), study.runs(), Duration.ofNanos(System.nanoTime() - t0), findings);
    }
  }

  /** The objectives' means over the replications of one setting in one future. */
  static double[] runCell(RobustStudy study, int setting, int future) {
    Scenario scenario;
    try {
      scenario = study.scenario(setting, future);
    } catch (ScenarioException e) {
      StringBuilder b = new StringBuilder();
      for (Problem p : e.problems()) b.append("\n  ").append(p);
      throw new InvalidCell(describe(study, setting, future) + " is not a valid scenario:" + b
          + "\nEach value was checked alone against the base scenario; this combination fails.");
    }
    int k = study.objectives().size();
    double[] sum = new double[k];
    for (int r = 0; r < study.replications(); r++) {
      OutcomeObserver observer = new OutcomeObserver(study.outcomes());
      HedgeWorld world = new HedgeWorld(study.seedOf(future, r), scenario);
      world.setObserver(observer);
      try {
        world.runToEnd();
      } catch (OutcomeObserver.MissingSeries e) {
        throw new InvalidCell(describe(study, setting, future) + ": " + e.getMessage());
      }
      double[] v = observer.values();
      for (int o = 0; o < k; o++) sum[o] += v[o];
    }
    for (int o = 0; o < k; o++) sum[o] /= study.replications();
    return sum;
  }

  private static String describe(RobustStudy study, int setting, int future) {
    StringBuilder b = new StringBuilder("setting " + setting + " (" + study.label(setting) + ") in future " + future
        + " (");
    for (int j = 0; j < study.uncertainties().size(); j++) {
      if (j > 0) b.append(", ");
      b.append(study.uncertainties().get(j).name()).append(" = ").append(study.uncertaintyValue(future, j));
    }
    return b.append(")").toString();
  }

  /** A setting in a future whose scenario is not valid: bad input, found while running. */
  private static final class InvalidCell extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InvalidCell(String message) {
      super(message);
    }
  }

  // ---------------------------------------------------------------- files

  private static void writeFutures(RobustStudy study, Path file) throws IOException {
    List<String> header = new ArrayList<>(List.of("future"));
    study.uncertainties().forEach(p -> header.add(p.name()));
    try (CsvTable t = CsvTable.create(file, header)) {
      Object[] cells = new Object[header.size()];
      for (int f = 0; f < study.futureCount(); f++) {
        cells[0] = f;
        for (int j = 0; j < study.uncertainties().size(); j++) cells[1 + j] = study.uncertaintyValue(f, j);
        t.row(cells);
      }
    }
  }

  /** The columns robustness.csv has for each objective, after its name and '_'. */
  public static final List<String> METRIC_COLUMNS = List.of("mean", "percentile", "satisficing", "max_regret");

  private static void writeRobustness(RobustStudy study, Findings f, Path file) throws IOException {
    List<String> header = new ArrayList<>(List.of("setting", "label"));
    study.levers().forEach(p -> header.add(p.name()));
    for (RobustStudy.Objective o : study.objectives()) {
      for (String c : METRIC_COLUMNS) header.add(o.name() + "_" + c);
    }
    header.add("pareto");
    header.add("most_robust");
    try (CsvTable t = CsvTable.create(file, header)) {
      Object[] cells = new Object[header.size()];
      for (int s = 0; s < study.settingCount(); s++) {
        int c = 0;
        cells[c++] = s;
        cells[c++] = study.label(s);
        for (int j = 0; j < study.levers().size(); j++) cells[c++] = study.leverValue(s, j);
        for (int o = 0; o < study.objectives().size(); o++) {
          RobustnessMetrics m = f.metrics()[o][s];
          cells[c++] = m.mean();
          cells[c++] = m.percentile();
          cells[c++] = m.satisficing();
          cells[c++] = f.maxRegret()[o][s];
        }
        cells[c++] = f.pareto()[s];
        cells[c++] = s == f.mostRobust();
        t.row(cells);
      }
    }
  }

  private static void writeRegret(RobustStudy study, Findings f, Path file) throws IOException {
    List<String> header = new ArrayList<>(List.of("setting", "future"));
    study.objectives().forEach(o -> header.add(o.name()));
    try (CsvTable t = CsvTable.create(file, header)) {
      Object[] cells = new Object[header.size()];
      for (int s = 0; s < study.settingCount(); s++) {
        for (int fu = 0; fu < study.futureCount(); fu++) {
          cells[0] = s;
          cells[1] = fu;
          for (int o = 0; o < study.objectives().size(); o++) cells[2 + o] = f.regret()[o][s][fu];
          t.row(cells);
        }
      }
    }
  }

  private static Map<String, Object> describe(RobustStudy s, Findings f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", s.name());
    m.put("description", s.description());
    m.put("file", s.file());
    try {
      m.put("sha256", org.hedgesim.output.Hashes.sha256(s.path()));
    } catch (IOException e) {
      m.put("sha256", null);
    }
    m.put("scenario", s.base().files().get(0));
    m.put("seed", s.seed());
    m.put("seed_derivation", SEED_DERIVATION);
    m.put("replications", s.replications());
    Map<String, Object> sample = new LinkedHashMap<>();
    sample.put("kind", "lhs");
    sample.put("futures", s.futureCount());
    sample.put("sampling_seed", s.samplingSeed());
    sample.put("sampling_generator", "Commons Math MersenneTwister(Seeds.derive(seed, -1, 0))");
    m.put("futures", sample);
    m.put("levers", parameters(s.levers()));
    m.put("uncertainties", parameters(s.uncertainties()));
    List<Object> objectives = new ArrayList<>();
    for (RobustStudy.Objective o : s.objectives()) {
      Map<String, Object> d = new LinkedHashMap<>(o.outcome().describe());
      d.put("direction", o.direction().word());
      d.put("percentile", o.percentile());
      d.put("satisficing", o.satisficing() == null ? null : o.satisficing().toString());
      objectives.add(d);
    }
    m.put("objectives", objectives);
    List<Object> settings = new ArrayList<>();
    for (int i = 0; i < s.settingCount(); i++) settings.add(s.label(i));
    m.put("settings", settings);
    m.put("runs", s.runs());
    m.put("pareto_metric", "each objective's percentile (the bad-side percentile over futures)");
    m.put("most_robust", s.label(f.mostRobust()));
    m.put("most_robust_rule", "least maximum regret on the first objective; ties broken by the better mean");
    return m;
  }

  private static List<Object> parameters(List<SweepParameter> list) {
    List<Object> out = new ArrayList<>();
    for (SweepParameter p : list) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", p.name());
      m.put("path", p.path().text());
      m.putAll(p.domain().describe());
      m.put("source", p.source());
      m.put("written_at", p.origin().toString());
      out.add(m);
    }
    return out;
  }
}
