package org.hedgesim.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hedgesim.analysis.Bands;
import org.hedgesim.analysis.FalseDiscovery;
import org.hedgesim.analysis.PairedDifference;
import org.hedgesim.analysis.SeriesId;
import org.hedgesim.model.EventRecord;
import org.hedgesim.model.SeriesKey;
import org.hedgesim.output.CsvTable;
import org.hedgesim.output.ResultFolder;
import org.hedgesim.scenario.Scenario;

/**
 * The {@code compare} command's work: what changes between scenarios. Every scenario is run R
 * times with common random numbers (replication r of each uses the seed
 * {@code Seeds.derive(seed, 0, r)}, with the first scenario's seed), so replication r of A and of B
 * form a pair that differs only by the scenario. For every outcome both have (the final value and
 * the run mean of each time series, and each run outcome such as an exit and its step) it gives
 * the paired difference B - A with its 95% interval and Cohen's d_z ({@link PairedDifference}),
 * each later scenario against the first.
 *
 * <p>The results folder holds compare.csv (every difference), outcomes.csv (the paired values
 * themselves), bands.csv (each scenario's series: mean and 95% band per step, for the plots),
 * events.csv (every run's events, {@code run} naming the scenario) and manifest.json (every
 * scenario's files, hashes and values with sources, the seeds); it appears whole or not at all.
 */
public final class ScenarioComparison {

  public static final List<String> FILES =
      List.of("compare.csv", "outcomes.csv", "bands.csv", "events.csv", "manifest.json");
  public static final List<String> COMPARE_HEADER = List.of("scenario_a", "scenario_b", "metric",
      "actor", "target", "statistic", "n", "mean_a", "mean_b", "difference", "sd_difference",
      "ci_low", "ci_high", "effect_dz", "effect_dav", "p_value", "q_value", "ci_excludes_zero");
  public static final List<String> OUTCOMES_HEADER = List.of("scenario", "replication", "seed",
      "metric", "actor", "target", "statistic", "value");
  public static final List<String> BANDS_HEADER = List.of("scenario", "metric", "actor", "target",
      "step", "date", "n", "mean", "sd", "ci_low", "ci_high");

  /** What a statistic of an outcome is: the last value of a series, its run mean, or a run outcome. */
  public static final String FINAL = "final";
  public static final String MEAN = "mean";
  public static final String OUTCOME = "outcome";

  /** One scenario of the comparison, under a label unique in the comparison. */
  public record Arm(String label, Scenario scenario, List<Path> files) {}

  /** An outcome: a statistic ({@link #FINAL}, {@link #MEAN}, {@link #OUTCOME}) of a metric. */
  public record Key(String metric, String actor, String target, String statistic) {
    public String label() {
      String s = new SeriesId(metric, actor, target).label();
      return statistic.equals(OUTCOME) ? s : s + " " + statistic;
    }
  }

  /** One outcome compared: B - A with interval, effect size, and q value within its contrast. */
  public record Row(Key key, PairedDifference difference, double q) {}

  /** Scenario b against scenario a: every outcome both have, and what only one of them has. */
  public record Contrast(String a, String b, List<Row> rows, List<Key> onlyInA, List<Key> onlyInB) {
    public long flagged() {
      return rows.stream().filter(r -> r.difference().ciExcludesZero()).count();
    }
  }

  /** The simulated values: per arm, its outcome keys, the values [replication][key], its bands. */
  public record Sample(List<Arm> arms, int replications, long seed, long[] seeds,
      List<List<Key>> keys, List<double[][]> values, List<Bands> bands) {}

  /** What a comparison produced. */
  /** {@code notices}: the stale staging folders of dead processes removed on the way. */
  public record Result(Path folder, Sample sample, List<Contrast> contrasts, int events, Duration elapsed,
      List<String> notices) {}

  /** Receives every replication's events, in order (arm, then replication). */
  @FunctionalInterface
  public interface EventSink {
    void accept(Arm arm, int replication, long seed, List<EventRecord> events) throws IOException;
  }

  private ScenarioComparison() {}

  /** The seed of replication r in every arm. */
  public static long[] seeds(long seed, int replications) {
    long[] s = new long[replications];
    for (int r = 0; r < replications; r++) s[r] = Seeds.derive(seed, 0, r);
    return s;
  }

  /**
   * Runs every arm R times on common random numbers and keeps each replication's outcomes and the
   * bands of its series. Results do not depend on the number of threads.
   */
  public static Sample simulate(List<Arm> arms, int replications, long seed, int threads, EventSink events)
      throws IOException {
    return simulate(arms, replications, seed, threads, events, null);
  }

  /**
   * As {@link #simulate(List, int, long, int, EventSink)}, with replication r of arm a running
   * {@code drawn.get(a).of(r)} when {@code drawn} is not null: every arm's replication r has the
   * same seed and the same parameter draw, so the pair differs only by the scenario, and the spread
   * of the paired differences holds the parameters' uncertainty.
   */
  public static Sample simulate(List<Arm> arms, int replications, long seed, int threads, EventSink events,
      List<ParameterDraws.Bound> drawn) throws IOException {
    return simulate(arms, replications, seed, threads, events, drawn, SweepProgress.NONE);
  }

  /**
   * As {@link #simulate(List, int, long, int, EventSink, List)}, telling {@code progress} of each
   * of the arms times replications runs as it is taken in (in order, from the calling thread).
   */
  public static Sample simulate(List<Arm> arms, int replications, long seed, int threads, EventSink events,
      List<ParameterDraws.Bound> drawn, SweepProgress progress) throws IOException {
    if (drawn != null && drawn.size() != arms.size()) throw new IllegalArgumentException("one set of draws per scenario");
    if (arms.size() < 2) throw new IllegalArgumentException("a comparison needs at least two scenarios");
    if (replications < 2) throw new IllegalArgumentException("a paired comparison needs at least 2 replications");
    long[] seeds = seeds(seed, replications);
    int n = arms.size() * replications;
    List<List<Key>> keys = new ArrayList<>();
    List<double[][]> values = new ArrayList<>();
    List<Bands> bands = new ArrayList<>();
    List<Outcomes> outcomes = new ArrayList<>();
    for (Arm arm : arms) {
      keys.add(null);
      values.add(new double[replications][]);
      Scenario s = arm.scenario();
      List<String> dates = new ArrayList<>();
      for (int t = 0; t < s.steps(); t++) dates.add(s.dateOf(t).toString());
      bands.add(new Bands(dates));
      outcomes.add(new Outcomes(s));
    }
    try {
      progress.start(n, 0);
      OrderedParallel.run(n, threads,
          i -> Replication.run(drawn == null ? arms.get(i / replications).scenario()
              : drawn.get(i / replications).of(i % replications), i % replications, seeds[i % replications]),
          (i, rep) -> {
            int a = i / replications;
            int r = i % replications;
            if (keys.get(a) == null) keys.set(a, keys(rep.series(), outcomes.get(a)));
            values.get(a)[r] = outcomeValues(rep, outcomes.get(a));
            addToBands(bands.get(a), rep);
            if (events != null) events.accept(arms.get(a), r, seeds[r], rep.events());
            progress.advance(i + 1);
          });
      progress.finish(n);
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException(e);
    }
    return new Sample(List.copyOf(arms), replications, seed, seeds, keys, values, bands);
  }

  /** Each later arm against the first. */
  public static List<Contrast> contrasts(Sample s) {
    List<Contrast> out = new ArrayList<>();
    for (int b = 1; b < s.arms().size(); b++) out.add(contrast(s, 0, b));
    return out;
  }

  static Contrast contrast(Sample s, int a, int b) {
    List<Key> ka = s.keys().get(a);
    List<Key> kb = s.keys().get(b);
    Map<Key, Integer> inB = new HashMap<>();
    for (int j = 0; j < kb.size(); j++) inB.put(kb.get(j), j);
    Map<Key, Integer> inA = new HashMap<>();
    for (int j = 0; j < ka.size(); j++) inA.put(ka.get(j), j);
    List<Key> common = new ArrayList<>();
    List<Key> onlyA = new ArrayList<>();
    for (Key k : ka) (inB.containsKey(k) ? common : onlyA).add(k);
    List<Key> onlyB = kb.stream().filter(k -> !inA.containsKey(k)).toList();
    int reps = s.replications();
    List<PairedDifference> diffs = new ArrayList<>();
    double[] p = new double[common.size()];
    for (int c = 0; c < common.size(); c++) {
      int ia = inA.get(common.get(c));
      int ib = inB.get(common.get(c));
      double[] va = new double[reps];
      double[] vb = new double[reps];
      for (int r = 0; r < reps; r++) {
        va[r] = s.values().get(a)[r][ia];
        vb[r] = s.values().get(b)[r][ib];
      }
      PairedDifference d = PairedDifference.of(va, vb);
      diffs.add(d);
      p[c] = d.pValue();
    }
    double[] q = FalseDiscovery.qValues(p);
    List<Row> rows = new ArrayList<>();
    for (int c = 0; c < common.size(); c++) rows.add(new Row(common.get(c), diffs.get(c), q[c]));
    return new Contrast(s.arms().get(a).label(), s.arms().get(b).label(), List.copyOf(rows),
        List.copyOf(onlyA), List.copyOf(onlyB));
  }

  /**
   * Runs the comparison and writes its results folder.
   *
   * @param target the folder to create (must not exist, or be empty)
   * @param beforeCommit work on the complete staging folder before it is moved into place (a report)
   */
  public static Result execute(List<Arm> arms, int replications, long seed, Path target, int threads,
      ScenarioRun.BeforeCommit beforeCommit) throws IOException {
    return execute(arms, replications, seed, target, threads, beforeCommit, null);
  }

  /**
   * Runs the comparison with each arm's replications drawing their parameters ({@code drawn}, one
   * per arm, built from the same {@link ParameterDraws}; null: none) and writes its results folder,
   * whose manifest then has a {@code posterior} section.
   */
  public static Result execute(List<Arm> arms, int replications, long seed, Path target, int threads,
      ScenarioRun.BeforeCommit beforeCommit, List<ParameterDraws.Bound> drawn) throws IOException {
    return execute(arms, replications, seed, target, threads, beforeCommit, drawn, List.of(), SweepProgress.NONE);
  }

  /**
   * Runs the comparison as {@link #execute(List, int, long, Path, int, ScenarioRun.BeforeCommit, List)}
   * does, writing {@code commandLine} (the arguments as typed after {@code hedgesim}) into the
   * manifest and telling {@code progress} of each finished run.
   */
  public static Result execute(List<Arm> arms, int replications, long seed, Path target, int threads,
      ScenarioRun.BeforeCommit beforeCommit, List<ParameterDraws.Bound> drawn, List<String> commandLine,
      SweepProgress progress)
      throws IOException {
    Instant started = Instant.now();
    int[] eventCount = {0};
    try (ResultFolder folder = ResultFolder.prepare(target)) {
      Sample sample;
      try (CsvTable ev = CsvTable.create(folder.file("events.csv"), ScenarioRun.EVENTS_HEADER)) {
        sample = simulate(arms, replications, seed, threads, (arm, r, s, events) -> {
          for (EventRecord e : events) {
            ev.row(arm.label(), r, Long.toString(s), e.step(), e.date(), e.kind(), e.actor(),
                e.target(), e.value(), e.origin(), e.detail());
          }
          eventCount[0] += events.size();
        }, drawn, progress);
      }
      List<Contrast> contrasts = contrasts(sample);
      writeCompare(folder.file("compare.csv"), contrasts);
      writeOutcomes(folder.file("outcomes.csv"), sample);
      writeBands(folder.file("bands.csv"), sample);
      Manifest m = manifest(sample, contrasts, target, commandLine);
      List<Path> inputs = new ArrayList<>();
      List<String> shown = new ArrayList<>();
      for (Arm arm : arms) {
        inputs.addAll(arm.files());
        shown.addAll(arm.scenario().files().subList(0, Math.min(arm.files().size(), arm.scenario().files().size())));
        while (shown.size() < inputs.size()) shown.add(inputs.get(shown.size()).toString());
      }
      m.inputs(folder.file(""), inputs, shown);
      m.seeds(seed, SEED_DERIVATION);
      if (drawn != null) m.put(ScenarioRun.POSTERIOR, drawn.get(0).draws().manifest(replications));
      m.outputs(folder.file(""), List.of("compare.csv", "outcomes.csv", "bands.csv", "events.csv"));
      m.timing(started, Instant.now(), threads).machine();
      m.write(folder.file(""));
      beforeCommit.accept(folder.file(""));
      folder.commit();
      return new Result(folder.target(), sample, contrasts, eventCount[0],
          Duration.between(started, Instant.now()), folder.notices());
    }
  }

  // ------------------------------------------------------------------ outcomes of one run

  private static List<Key> keys(List<SeriesKey> series, Outcomes outcomes) {
    List<Key> k = new ArrayList<>();
    for (SeriesKey s : series) {
      k.add(new Key(s.metric(), s.actor(), s.target(), FINAL));
      k.add(new Key(s.metric(), s.actor(), s.target(), MEAN));
    }
    for (Outcomes.Key o : outcomes.keys()) k.add(new Key(o.metric(), o.actor(), o.target(), OUTCOME));
    return List.copyOf(k);
  }

  /** Final value and run mean of each series (as summary.csv defines them), then the run outcomes. */
  private static double[] outcomeValues(Replication rep, Outcomes outcomes) {
    int n = rep.series().size();
    double[] o = outcomes.of(rep.events());
    double[] v = new double[2 * n + o.length];
    double[] last = rep.values()[rep.steps() - 1];
    for (int i = 0; i < n; i++) {
      double sum = 0;
      for (double[] step : rep.values()) sum += step[i];
      v[2 * i] = last[i];
      v[2 * i + 1] = sum / rep.steps();
    }
    System.arraycopy(o, 0, v, 2 * n, o.length);
    return v;
  }

  private static void addToBands(Bands bands, Replication rep) {
    List<SeriesId> ids = new ArrayList<>();
    for (SeriesKey k : rep.series()) ids.add(new SeriesId(k.metric(), k.actor(), k.target()));
    for (int t = 0; t < rep.steps(); t++) {
      double[] v = rep.values()[t];
      for (int i = 0; i < ids.size(); i++) bands.add(ids.get(i), t, v[i]);
    }
  }

  // ------------------------------------------------------------------ files

  private static void writeCompare(Path file, List<Contrast> contrasts) throws IOException {
    try (CsvTable t = CsvTable.create(file, COMPARE_HEADER)) {
      for (Contrast c : contrasts) {
        for (Row r : c.rows()) {
          PairedDifference d = r.difference();
          Key k = r.key();
          t.row(c.a(), c.b(), k.metric(), k.actor(), k.target(), k.statistic(), d.n(), d.meanA(),
              d.meanB(), d.difference(), d.sd(), d.ciLow(), d.ciHigh(), d.effectDz(), d.effectDav(),
              org.hedgesim.output.Numbers.probability(d.pValue()), org.hedgesim.output.Numbers.probability(r.q()),
              d.ciExcludesZero() ? "true" : "false");
        }
      }
    }
  }

  private static void writeOutcomes(Path file, Sample s) throws IOException {
    try (CsvTable t = CsvTable.create(file, OUTCOMES_HEADER)) {
      for (int a = 0; a < s.arms().size(); a++) {
        String label = s.arms().get(a).label();
        List<Key> keys = s.keys().get(a);
        for (int r = 0; r < s.replications(); r++) {
          double[] v = s.values().get(a)[r];
          String seed = Long.toString(s.seeds()[r]);
          for (int i = 0; i < keys.size(); i++) {
            Key k = keys.get(i);
            t.row(label, r, seed, k.metric(), k.actor(), k.target(), k.statistic(), v[i]);
          }
        }
      }
    }
  }

  private static void writeBands(Path file, Sample s) throws IOException {
    try (CsvTable t = CsvTable.create(file, BANDS_HEADER)) {
      for (int a = 0; a < s.arms().size(); a++) {
        String label = s.arms().get(a).label();
        Bands bands = s.bands().get(a);
        for (SeriesId id : bands.series()) {
          Bands.Band b = bands.band(id);
          for (int step = 0; step < bands.steps(); step++) {
            t.row(label, id.metric(), id.actor(), id.target(), step, b.dates().get(step), b.n()[step],
                b.mean()[step], b.sd()[step], b.low()[step], b.high()[step]);
          }
        }
      }
    }
  }

  /** How replication r of every scenario gets its seed: common random numbers. */
  static final String SEED_DERIVATION = "replication r of every scenario uses Seeds.derive(seed, 0, r), seed = the "
      + "first scenario's (or --seed): common random numbers, so replication r of A and of B form a pair";

  private static Manifest manifest(Sample s, List<Contrast> contrasts, Path target, List<String> commandLine)
      throws IOException {
    Manifest m = new Manifest("compare", commandLine);
    List<Object> scenarios = new ArrayList<>();
    for (int a = 0; a < s.arms().size(); a++) {
      Arm arm = s.arms().get(a);
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("label", arm.label());
      entry.put("role", a == 0 ? "reference (A)" : "compared with the reference");
      entry.put("own_seed_ignored", arm.scenario().seed());
      entry.putAll(Manifest.describe(arm.scenario(), arm.files()));
      scenarios.add(entry);
    }
    m.put("scenarios", scenarios);
    Map<String, Object> cmp = new LinkedHashMap<>();
    cmp.put("id", target.getFileName().toString());
    cmp.put("reference", s.arms().get(0).label());
    cmp.put("seed", s.seed());
    cmp.put("replications", s.replications());
    cmp.put("seed_derivation", SEED_DERIVATION);
    List<Long> seedList = new ArrayList<>();
    for (long x : s.seeds()) seedList.add(x);
    cmp.put("replication_seeds", seedList);
    cmp.put("difference", "B - A per pair; mean, sd, 95% paired t interval (Student's t, n - 1 df)");
    cmp.put("effect_size", "effect_dz: Cohen's d_z = mean difference / sd of the differences; "
        + "effect_dav: Cohen's d_av = mean difference / mean of the two scenarios' sd");
    cmp.put("q_value", "Benjamini-Hochberg adjusted p value within each contrast");
    List<Object> cs = new ArrayList<>();
    for (Contrast c : contrasts) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("a", c.a());
      e.put("b", c.b());
      e.put("outcomes_compared", c.rows().size());
      e.put("ci_excludes_zero", c.flagged());
      e.put("only_in_a", c.onlyInA().stream().map(Key::label).toList());
      e.put("only_in_b", c.onlyInB().stream().map(Key::label).toList());
      cs.add(e);
    }
    cmp.put("contrasts", cs);
    m.put("compare", cmp);
    return m;
  }
}
