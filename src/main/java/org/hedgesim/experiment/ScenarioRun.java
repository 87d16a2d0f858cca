package org.hedgesim.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hedgesim.model.EventRecord;
import org.hedgesim.output.CsvTable;
import org.hedgesim.output.ResultFolder;
import org.hedgesim.scenario.Scenario;

/**
 * The {@code run} command's work: R replications of one scenario (in parallel, results in
 * replication order), written to a new results folder as timeseries.csv, events.csv, summary.csv
 * and manifest.json. The folder appears only when every file is complete.
 */
public final class ScenarioRun {

  public static final List<String> TIMESERIES_HEADER =
      List.of("scenario", "replication", "seed", "step", "date", "metric", "actor", "target", "value");
  public static final List<String> EVENTS_HEADER = List.of("scenario", "replication", "seed", "step",
      "date", "kind", "actor", "target", "value", "origin", "detail");
  public static final List<String> FILES =
      List.of("timeseries.csv", "events.csv", "summary.csv", "manifest.json");

  /**
   * What a run produced: where, and the summary rows for the console; {@code notices} are the
   * stale staging folders of dead processes removed on the way (ResultFolder#notices).
   */
  public record Result(Path folder, Scenario scenario, List<SummaryTable.Row> summary,
      int events, Duration elapsed, List<String> notices) {}

  /** Work done in the staging folder after every result file is written, before the commit. */
  @FunctionalInterface
  public interface BeforeCommit {
    BeforeCommit NONE = folder -> { };

    void accept(Path stagingFolder) throws IOException;
  }

  /** How a run's replication seeds come from its master seed. */
  static final String SEED_DERIVATION = "seed(r) = Seeds.derive(seed, 0, r), SplitMix64-based (docs/MODEL.md)";

  /** The manifest's section on parameters drawn from a posterior, when they are. */
  public static final String POSTERIOR = "posterior";

  private ScenarioRun() {}

  /**
   * Runs a loaded scenario.
   *
   * @param files the scenario's files on disk (its own first), for the manifest's hashes
   * @param target the results folder to create (must not exist, or be empty)
   * @param threads worker threads for the replications
   */
  public static Result execute(Scenario scenario, List<Path> files, Path target, int threads)
      throws IOException {
    return execute(scenario, files, target, threads, BeforeCommit.NONE);
  }

  /**
   * Runs a loaded scenario, then hands the complete staging folder to {@code beforeCommit} (to add
   * a report, say) before the folder is moved into place; if that fails, nothing is committed.
   */
  public static Result execute(Scenario scenario, List<Path> files, Path target, int threads,
      BeforeCommit beforeCommit) throws IOException {
    return execute(scenario, files, target, threads, beforeCommit, null);
  }

  /**
   * Runs a loaded scenario as {@link #execute(Scenario, List, Path, int, BeforeCommit)} does, with
   * replication r running {@code drawn.of(r)} (its parameters drawn from a posterior) when
   * {@code drawn} is not null; the manifest then has a {@code posterior} section.
   */
  public static Result execute(Scenario scenario, List<Path> files, Path target, int threads,
      BeforeCommit beforeCommit, ParameterDraws.Bound drawn) throws IOException {
    return execute(scenario, files, target, threads, beforeCommit, drawn, List.of(), SweepProgress.NONE);
  }

  /**
   * Runs a loaded scenario as {@link #execute(Scenario, List, Path, int, BeforeCommit,
   * ParameterDraws.Bound)} does, writing {@code commandLine} (the arguments as typed after
   * {@code hedgesim}) into the manifest and telling {@code progress} of each replication as it is
   * written (in replication order, from the thread that writes), so a long run shows how far it
   * has got; what is shown never enters the results.
   */
  public static Result execute(Scenario scenario, List<Path> files, Path target, int threads,
      BeforeCommit beforeCommit, ParameterDraws.Bound drawn, List<String> commandLine, SweepProgress progress)
      throws IOException {
    Instant started = Instant.now();
    long[] seeds = new long[scenario.replications()];
    for (int r = 0; r < seeds.length; r++) seeds[r] = Seeds.derive(scenario.seed(), 0, r);
    String run = scenario.name();
    int[] eventCount = {0};
    SummaryTable[] summary = new SummaryTable[1];
    try (ResultFolder folder = ResultFolder.prepare(target)) {
      try (CsvTable ts = CsvTable.create(folder.file("timeseries.csv"), TIMESERIES_HEADER);
          CsvTable ev = CsvTable.create(folder.file("events.csv"), EVENTS_HEADER)) {
        progress.start(seeds.length, 0);
        OrderedParallel.run(seeds.length, threads,
            r -> Replication.run(drawn == null ? scenario : drawn.of(r), r, seeds[r]),
            (r, rep) -> {
              if (summary[0] == null) summary[0] = new SummaryTable(rep.series(), new Outcomes(scenario));
              summary[0].add(rep);
              writeReplication(ts, ev, run, rep, scenario);
              eventCount[0] += rep.events().size();
              progress.advance(r + 1);
            });
        progress.finish(seeds.length);
      } catch (IOException | RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IOException(e);
      }
      summary[0].write(folder.file("summary.csv"));
      Instant finished = Instant.now();
      Manifest m = new Manifest("run", commandLine).scenario(scenario, files);
      m.inputs(folder.file(""), files, scenario.files());
      m.seeds(scenario.seed(), SEED_DERIVATION);
      Map<String, Object> runInfo = new LinkedHashMap<>();
      runInfo.put("id", target.getFileName().toString());
      runInfo.put("seed", scenario.seed());
      runInfo.put("replications", scenario.replications());
      runInfo.put("seed_derivation", SEED_DERIVATION);
      List<Long> seedList = new ArrayList<>();
      for (long s : seeds) seedList.add(s);
      runInfo.put("replication_seeds", seedList);
      m.put("run", runInfo);
      if (drawn != null) m.put(POSTERIOR, drawn.draws().manifest(scenario.replications()));
      m.outputs(folder.file(""), List.of("timeseries.csv", "events.csv", "summary.csv"));
      Map<String, Object> timing = new LinkedHashMap<>();
      timing.put("started", started.toString());
      timing.put("finished", finished.toString());
      timing.put("seconds", Duration.between(started, finished).toMillis() / 1000.0);
      timing.put("threads", threads);
      m.put("timing", timing);
      Map<String, Object> machine = new LinkedHashMap<>();
      machine.put("java", System.getProperty("java.version"));
      machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
      machine.put("cores", Runtime.getRuntime().availableProcessors());
      m.put("machine", machine);
      m.write(folder.file(""));
      beforeCommit.accept(folder.file(""));
      folder.commit();
      return new Result(folder.target(), scenario, summary[0].rows(), eventCount[0],
          Duration.between(started, Instant.now()), folder.notices());
    }
  }

  private static void writeReplication(CsvTable ts, CsvTable ev, String run, Replication rep,
      Scenario scenario) throws IOException {
    Integer r = rep.index();
    String seed = Long.toString(rep.seed());
    var keys = rep.series();
    for (int step = 0; step < rep.steps(); step++) {
      String date = scenario.dateOf(step).toString();
      double[] v = rep.values()[step];
      Integer st = step;
      for (int i = 0; i < keys.size(); i++) {
        var k = keys.get(i);
        ts.row(run, r, seed, st, date, k.metric(), k.actor(), k.target(), v[i]);
      }
    }
    for (EventRecord e : rep.events()) {
      ev.row(run, r, seed, e.step(), e.date(), e.kind(), e.actor(), e.target(), e.value(),
          e.origin(), e.detail());
    }
  }
}
