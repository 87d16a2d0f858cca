package org.hedgesim.experiment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.hedgesim.model.EventRecord;
import org.hedgesim.model.HedgeWorld;
import org.hedgesim.model.RunObserver;
import org.hedgesim.model.SeriesKey;
import org.hedgesim.output.CsvTable;
import org.hedgesim.output.FolderCheck;
import org.hedgesim.output.JsonFile;
import org.hedgesim.output.ResultFolder;
import org.hedgesim.scenario.Problem;
import org.hedgesim.scenario.Scenario;
import org.hedgesim.scenario.ScenarioException;
import org.hedgesim.scenario.ScenarioLoader;

/**
 * Runs a sweep, or one shard of it, on a pool of threads, streaming each finished run to the
 * results in run order (so the files do not depend on the number of threads), journaling it so
 * that an interrupted process can be resumed, and writing the design, the summary and the manifest
 * at the end. The results folder appears, whole, only when every run is done (docs/SWEEPS.md).
 */
public final class SweepRun {

  public static final List<String> FIXED_COLUMNS = List.of("run", "point", "replication", "seed");
  public static final List<String> TIMESERIES_HEADER = List.of("run", "point", "replication", "seed",
      "step", "date", "metric", "actor", "target", "value");
  public static final String RUNS = "runs.csv";
  public static final String SUMMARY = "summary.csv";
  public static final String DESIGN = "design.csv";
  public static final String SERIES = "timeseries.csv.gz";
  public static final String MANIFEST = "manifest.json";
  public static final String TIMING = "timing.json";

  /**
   * How to run.
   *
   * @param target the results folder
   * @param shard the part of the runs to do ({@link Shard#WHOLE} for all)
   * @param resume take up an interrupted sweep in the same folder, if there is one
   * @param timeseries also write every series at every step of every run
   * @param draws null, or where replication r's parameters come from (a posterior): replication r of
   *     every design point then runs draw r's values, with the design's values over them
   */
  public record Options(Path target, int threads, Shard shard, boolean resume, boolean timeseries,
      ParameterDraws draws, List<String> commandLine) {

    /** Options for a sweep run from Java, with no command line to record in timing.json. */
    public Options(Path target, int threads, Shard shard, boolean resume, boolean timeseries,
        ParameterDraws draws) {
      this(target, threads, shard, resume, timeseries, draws, List.of());
    }

    /** Options for a sweep whose replications run the scenario's own parameters. */
    public Options(Path target, int threads, Shard shard, boolean resume, boolean timeseries) {
      this(target, threads, shard, resume, timeseries, null);
    }
  }

  /**
   * What was done.
   *
   * @param alreadyComplete the folder already held this sweep, complete; nothing was run
   * @param runs the runs of the sweep (or shard)
   * @param resumed runs an earlier process had finished
   * @param ran runs done now
   */
  public record Result(Path folder, boolean alreadyComplete, long runs, long resumed, long ran,
      Duration elapsed) {}

  /**
   * What one run computes from its design point and seed: the sweep's outcomes, in order. A sweep
   * runs the hedging model ({@link #execute(Sweep, Options, SweepProgress)}); the analysis code is
   * checked by running the same engine on functions whose sensitivity indices are known exactly.
   */
  @FunctionalInterface
  public interface Evaluator {
    double[] outcomes(Sweep sweep, int point, long seed);
  }

  private SweepRun() {}

  /** Runs the sweep on the hedging model. */
  public static Result execute(Sweep sweep, Options options, SweepProgress progress)
      throws IOException, SweepException {
    return execute(sweep, options, progress, null);
  }

  /**
   * Runs the sweep with another evaluator in place of the hedging model (null: the model), writing
   * the same files in the same way.
   */
  public static Result execute(Sweep sweep, Options options, SweepProgress progress, Evaluator evaluator)
      throws IOException, SweepException {
    if (evaluator != null && options.draws() != null) {
      throw new IllegalArgumentException("an evaluator other than the model has no parameters to draw");
    }
    if (evaluator != null && options.timeseries()) {
      throw new IllegalArgumentException("an evaluator other than the model has no time series");
    }
    Instant started = Instant.now();
    long t0 = System.nanoTime();
    Fingerprint fp = Fingerprint.of(sweep, options.timeseries(), options.draws());
    Shard shard = options.shard();
    long from = shard.from(sweep.runs());
    long to = shard.to(sweep.runs());
    Path target = options.target().toAbsolutePath().normalize();
    if (options.resume() && Files.isRegularFile(target.resolve(MANIFEST))) {
      checkSame(target, fp, shard, "the finished sweep in " + options.target());
      return new Result(target, true, to - from, to - from, 0, Duration.ZERO);
    }
    Map<String, Object> shardSection = shard.whole() ? null : SweepManifest.shardSection(shard, from, to);
    try (ResultFolder folder = ResultFolder.resumable(target, options.resume())) {
      Path dir = folder.file("");
      if (folder.resumed() && !Files.exists(dir.resolve(SweepJournal.FILE))
          && Files.isRegularFile(dir.resolve(MANIFEST))) {
        // killed after the results were written, before the folder was moved into place
        Map<String, Object> m = FolderCheck.check(dir).complete() ? SweepManifest.read(dir.resolve(MANIFEST)) : Map.of();
        if (fp.equals(SweepManifest.fingerprintOf(m)) && SweepManifest.outputsIntact(dir, m)) {
          folder.commit();
          return new Result(target, false, to - from, to - from, 0, elapsed(t0));
        }
      }
      List<String> runsHeader = new ArrayList<>(FIXED_COLUMNS);
      sweep.parameters().forEach(p -> runsHeader.add(p.name()));
      sweep.outcomes().forEach(o -> runsHeader.add(o.name()));
      byte[] runsHeaderBytes = CsvTable.line(runsHeader).getBytes(StandardCharsets.UTF_8);
      byte[] seriesHeader = options.timeseries() ? gzipHeader() : null;
      String identity = fp.tokens() + " shard=" + shard + " runs=" + from + "-" + to;
      long resumed;
      try (SweepJournal journal = open(dir, identity, from, to, runsHeaderBytes, seriesHeader, fp, options)) {
        resumed = journal.next() - from;
        progress.start(to - from, resumed);
        runAll(sweep, options, journal, from, to, progress, evaluator);
        progress.finish(to - from);

        List<String> outputs = new ArrayList<>();
        outputs.add(RUNS);
        writeDesign(sweep, dir.resolve(DESIGN));
        outputs.add(DESIGN);
        if (shard.whole()) {
          SweepSummary.write(dir.resolve(RUNS), dir.resolve(SUMMARY), sweep.parameters().size());
          outputs.add(SUMMARY);
        }
        if (options.timeseries()) outputs.add(SERIES);
        Map<String, Object> timing = new LinkedHashMap<>();
        timing.put("started", started.toString());
        timing.put("finished", Instant.now().toString());
        timing.put("seconds", elapsed(t0).toMillis() / 1000.0);
        timing.put("threads", options.threads());
        timing.put("runs", to - from);
        timing.put("runs_resumed", resumed);
        timing.put("runs_this_process", to - from - resumed);
        timing.put("machine", machine());
        timing.put("command_line", options.commandLine());
        JsonFile.write(dir.resolve(TIMING), timing);
        SweepManifest.write(dir, SweepManifest.common(sweep, fp, options.draws(), dir), shardSection, outputs);
        for (String f : List.of(DESIGN, SUMMARY, TIMING, MANIFEST)) sync(dir.resolve(f));
        journal.complete();
      }
      folder.commit();
      return new Result(target, false, to - from, resumed, to - from - resumed, elapsed(t0));
    }
  }

  private static SweepJournal open(Path dir, String identity, long from, long to, byte[] runsHeader,
      byte[] seriesHeader, Fingerprint fp, Options options) throws IOException, SweepException {
    try {
      return SweepJournal.open(dir, identity, from, to, runsHeader, seriesHeader);
    } catch (SweepJournal.Conflict c) {
      if (c.found == null) throw new SweepException(c.getMessage());
      String why = describeIdentity(c.found, fp, options.shard(), from, to);
      throw new SweepException("the unfinished sweep in " + ResultFolder.stagingOf(options.target())
          + " was started with other input (" + why + "); resume it with the same files and options,"
          + " or delete that folder to start again");
    }
  }

  private static String describeIdentity(String found, Fingerprint fp, Shard shard, long from, long to) {
    int s = found.indexOf(" shard=");
    Fingerprint other = s < 0 ? null : Fingerprint.parse(found.substring(0, s));
    List<String> why = new ArrayList<>();
    if (other == null) return "an unreadable journal";
    String d = fp.differences(other);
    if (!d.isEmpty()) why.add(d);
    String rest = found.substring(s + 1);
    if (!rest.equals("shard=" + shard + " runs=" + from + "-" + to)) why.add("it was " + rest.replace("=", " "));
    return String.join("; ", why);
  }

  /** Refuses a finished folder of another sweep. */
  private static void checkSame(Path folder, Fingerprint fp, Shard shard, String what)
      throws IOException, SweepException {
    FolderCheck.Verdict verdict = FolderCheck.check(folder);
    if (!verdict.complete()) {
      throw new SweepException(verdict.problems().get(0) + "; " + what + " is damaged, so --resume cannot tell"
          + " whether it is this sweep (check it with 'hedgesim verify " + folder + "')");
    }
    Map<String, Object> m = SweepManifest.read(folder.resolve(MANIFEST));
    Fingerprint other = SweepManifest.fingerprintOf(m);
    if (other == null) throw new SweepException(what + " is not a sweep's results (its manifest names no sweep)");
    String d = fp.differences(other);
    Object shardOf = m.get("shard");
    boolean sameShard = shard.whole() ? shardOf == null
        : shardOf instanceof Map<?, ?> sm && Integer.valueOf(shard.index()).equals(sm.get("index"))
            && Integer.valueOf(shard.count()).equals(sm.get("count"));
    if (!d.isEmpty() || !sameShard) {
      throw new SweepException(what + " is another sweep (" + (d.isEmpty() ? "another shard" : d)
          + "); choose another --out folder");
    }
  }

  // ---------------------------------------------------------------- running

  /** One finished run, ready to be written. */
  private record Finished(long run, int point, byte[] row, byte[] series) {}

  private static void runAll(Sweep sweep, Options options, SweepJournal journal, long from, long to,
      SweepProgress progress, Evaluator evaluator) throws IOException, SweepException {
    long first = journal.next();
    int n = Math.toIntExact(to - first);
    PointScenarios scenarios = new PointScenarios(sweep, options.draws());
    try {
      OrderedParallel.run(n, options.threads(),
          i -> evaluator == null ? runOne(sweep, first + i, scenarios, options.timeseries())
              : evaluateOne(sweep, first + i, evaluator),
          (i, f) -> {
            journal.append(f.run(), f.row(), f.series());
            if (sweep.replicationOf(f.run()) == sweep.replications() - 1) scenarios.release(f.point());
            progress.advance(f.run() + 1 - from);
          });
    } catch (InvalidPoint e) {
      throw new SweepException(e.getMessage());
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException(e);
    }
  }

  private static Finished runOne(Sweep sweep, long run, PointScenarios scenarios, boolean timeseries) {
    int point = sweep.pointOf(run);
    int replication = sweep.replicationOf(run);
    long seed = sweep.seedOf(run);
    Scenario scenario = scenarios.get(point, replication);
    OutcomeObserver outcomes = new OutcomeObserver(sweep.outcomes());
    SeriesWriter series = timeseries ? new SeriesWriter(scenario, run, point, replication, seed) : null;
    HedgeWorld world = new HedgeWorld(seed, scenario);
    world.setObserver(series == null ? outcomes : new Both(outcomes, series));
    try {
      world.runToEnd();
    } catch (OutcomeObserver.MissingSeries e) {
      throw new InvalidPoint(scenarios.describe(point, replication, e.getMessage()));
    }
    return new Finished(run, point, row(sweep, run, outcomes.values()), series == null ? null : series.bytes());
  }

  private static Finished evaluateOne(Sweep sweep, long run, Evaluator evaluator) {
    int point = sweep.pointOf(run);
    double[] values = evaluator.outcomes(sweep, point, sweep.seedOf(run));
    if (values.length != sweep.outcomes().size()) {
      throw new IllegalStateException("the evaluator gave " + values.length + " outcomes, the sweep has "
          + sweep.outcomes().size());
    }
    return new Finished(run, point, row(sweep, run, values), null);
  }

  /** A run's line of runs.csv. */
  private static byte[] row(Sweep sweep, long run, double[] values) {
    int point = sweep.pointOf(run);
    List<Object> cells = new ArrayList<>();
    cells.add(run);
    cells.add(point);
    cells.add(sweep.replicationOf(run));
    cells.add(Long.toString(sweep.seedOf(run)));
    for (int j = 0; j < sweep.parameters().size(); j++) cells.add(sweep.value(point, j));
    for (double v : values) cells.add(v);
    return CsvTable.line(cells).getBytes(StandardCharsets.UTF_8);
  }

  /** A design point whose scenario is not valid: bad input, found while running. */
  private static final class InvalidPoint extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InvalidPoint(String message) {
      super(message);
    }
  }

  /**
   * The scenario of each design point in use, bound once for all its replications and released
   * when its last replication is written; at most the points of the runs in flight are held. With
   * parameter draws, a point's scenario is bound once per draw its replications take.
   */
  private static final class PointScenarios {
    private final Sweep sweep;
    private final ParameterDraws draws;
    /** Keyed by point and draw: {@code point << 32 | draw}, the draw 0 without draws. */
    private final ConcurrentHashMap<Long, FutureTask<Scenario>> bound = new ConcurrentHashMap<>();

    PointScenarios(Sweep sweep, ParameterDraws draws) {
      this.sweep = sweep;
      this.draws = draws;
    }

    Scenario get(int point, int replication) {
      int draw = draws == null ? 0 : draws.draw(replication);
      FutureTask<Scenario> task = bound.computeIfAbsent((long) point << 32 | draw, k -> new FutureTask<>(
          () -> draws == null ? sweep.scenario(point)
              : ScenarioLoader.bind(sweep.tree(point, draws.set(sweep.base().tree(), draw)), sweep.base().files())));
      task.run();
      try {
        return task.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof ScenarioException se) {
          StringBuilder problems = new StringBuilder();
          for (Problem p : se.problems()) problems.append(problems.length() == 0 ? "" : "\n  ").append(p);
          throw new InvalidPoint(describe(point, replication, problems.toString()));
        }
        if (e.getCause() instanceof RuntimeException re) throw re;
        throw new IllegalStateException(e.getCause());
      }
    }

    void release(int point) {
      bound.keySet().removeIf(k -> (k >>> 32) == point);
    }

    String describe(int point, int replication, String problems) {
      StringBuilder b = new StringBuilder("design point " + point + " is not a valid scenario (");
      for (int j = 0; j < sweep.parameters().size(); j++) {
        if (j > 0) b.append(", ");
        b.append(sweep.parameters().get(j).name()).append(" = ").append(sweep.value(point, j));
      }
      if (draws != null) b.append("; replication ").append(replication).append(" with ")
          .append(draws.describe(draws.draw(replication)));
      b.append("):\n  ").append(problems);
      b.append("\nEach value was checked alone against the base scenario; this combination fails."
          + " The runs finished so far are kept: fix the sweep and delete the unfinished folder to start again.");
      return b.toString();
    }
  }

  /** Sends what a run produces to two observers. */
  private record Both(RunObserver a, RunObserver b) implements RunObserver {
    @Override
    public void onStart(List<SeriesKey> series) {
      a.onStart(series);
      b.onStart(series);
    }

    @Override
    public void onStep(int step, double[] values) {
      a.onStep(step, values);
      b.onStep(step, values);
    }

    @Override
    public void onEvent(EventRecord event) {
      a.onEvent(event);
      b.onEvent(event);
    }

    @Override
    public boolean[] needs(List<SeriesKey> series) {
      boolean[] x = a.needs(series);
      boolean[] y = b.needs(series);
      if (x == null || y == null) return null;
      boolean[] both = new boolean[x.length];
      for (int i = 0; i < both.length; i++) both[i] = x[i] || y[i];
      return both;
    }

    @Override
    public boolean needsEvents() {
      return a.needsEvents() || b.needsEvents();
    }
  }

  /** Writes one run's series, step by step, into one gzip member in memory. */
  private static final class SeriesWriter implements RunObserver {
    private final Scenario scenario;
    private final String run;
    private final String point;
    private final String replication;
    private final String seed;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 16);
    private final CsvTable table;
    private List<SeriesKey> keys;

    SeriesWriter(Scenario scenario, long run, int point, int replication, long seed) {
      this.scenario = scenario;
      this.run = Long.toString(run);
      this.point = Integer.toString(point);
      this.replication = Integer.toString(replication);
      this.seed = Long.toString(seed);
      try {
        table = CsvTable.gzipRows(buffer, TIMESERIES_HEADER.size());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void onStart(List<SeriesKey> series) {
      keys = series;
    }

    @Override
    public void onStep(int step, double[] values) {
      String date = scenario.dateOf(step).toString();
      String st = Integer.toString(step);
      try {
        for (int i = 0; i < keys.size(); i++) {
          SeriesKey k = keys.get(i);
          table.row(run, point, replication, seed, st, date, k.metric(), k.actor(), k.target(), values[i]);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void onEvent(EventRecord event) {}

    byte[] bytes() {
      try {
        table.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return buffer.toByteArray();
    }
  }

  static byte[] gzipHeader() throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (CsvTable t = CsvTable.gzipRows(buffer, TIMESERIES_HEADER.size())) {
      t.row(TIMESERIES_HEADER.toArray());
    }
    return buffer.toByteArray();
  }

  // ---------------------------------------------------------------- files

  /**
   * design.csv: each design point with its parameter values; for a Morris design also its
   * trajectory, the parameter it moved and the signed step of that parameter's design coordinate;
   * for a Saltelli design its sample row and matrix (A, B, or AB:parameter).
   */
  static void writeDesign(Sweep sweep, Path file) throws IOException {
    DesignPoints d = sweep.points();
    boolean morris = d.trajectory() != null;
    boolean saltelli = sweep.design() instanceof SaltelliMatrices;
    int k = sweep.parameters().size();
    List<String> header = new ArrayList<>();
    header.add("point");
    if (morris) header.addAll(List.of("trajectory", "moved", "step"));
    if (saltelli) header.addAll(List.of("sample", "matrix"));
    sweep.parameters().forEach(p -> header.add(p.name()));
    try (CsvTable t = CsvTable.create(file, header)) {
      Object[] cells = new Object[header.size()];
      for (int p = 0; p < d.size(); p++) {
        int c = 0;
        cells[c++] = p;
        if (morris) {
          int moved = d.moved()[p];
          cells[c++] = d.trajectory()[p];
          cells[c++] = moved < 0 ? "" : sweep.parameters().get(moved).name();
          cells[c++] = moved < 0 ? "" : (Object) (d.units()[p][moved] - d.units()[p - 1][moved]);
        }
        if (saltelli) {
          int m = SaltelliMatrices.matrix(p, k);
          cells[c++] = SaltelliMatrices.sample(p, k);
          cells[c++] = m == -2 ? "A" : m == -1 ? "B" : "AB:" + sweep.parameters().get(m).name();
        }
        for (int j = 0; j < k; j++) cells[c++] = sweep.value(p, j);
        t.row(cells);
      }
    }
  }

  static void sync(Path file) throws IOException {
    if (!Files.isRegularFile(file)) return;
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.force(true);
    }
  }

  static Map<String, Object> machine() {
    Map<String, Object> machine = new LinkedHashMap<>();
    machine.put("java", System.getProperty("java.version"));
    machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    machine.put("cores", Runtime.getRuntime().availableProcessors());
    return machine;
  }

  private static Duration elapsed(long t0) {
    return Duration.ofNanos(System.nanoTime() - t0);
  }
}
