package org.hedgesim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.hedgesim.analysis.Report;
import org.hedgesim.calibration.AbcSmc;
import org.hedgesim.calibration.Calibration;
import org.hedgesim.calibration.CalibrationJournal;
import org.hedgesim.calibration.CalibrationLoader;
import org.hedgesim.calibration.CalibrationResults;
import org.hedgesim.calibration.Cmaes;
import org.hedgesim.calibration.Estimate;
import org.hedgesim.calibration.EvaluationJournal;
import org.hedgesim.calibration.PosteriorSummary;
import org.hedgesim.calibration.Rejection;
import org.hedgesim.calibration.Scores;
import org.hedgesim.calibration.Simulator;
import org.hedgesim.experiment.Manifest;
import org.hedgesim.experiment.Shard;
import org.hedgesim.experiment.SweepProgress;
import org.hedgesim.output.FolderLock;
import org.hedgesim.output.JsonFile;
import org.hedgesim.output.Numbers;
import org.hedgesim.output.ResultFolder;
import org.hedgesim.output.WriteFailure;
import org.hedgesim.scenario.ScenarioException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hedgesim calibrate}: estimates free parameters from observations (docs/CALIBRATION.md). */
@Command(name = "calibrate",
    headerHeading = "%n",
    header = "Fit free parameters to observed data; score a hold-out forecast.",
    descriptionHeading = "%n",
    description = {
        "Reads a calibration file (the base scenario, observation files, free parameters with priors, the method),"
            + " runs the model on all cores and writes posterior.csv, posterior-summary.csv, fit.csv, scores.csv,"
            + " generations.csv, calibrated.yaml and manifest.json into the results folder (docs/CALIBRATION.md);"
            + " with --report also report/report.html (or later: hedgesim report DIR).",
        "The results do not depend on --threads; an interrupted calibration finishes with the same command and"
            + " --resume."},
    mixinStandardHelpOptions = true,
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:run-time failure", "2:bad input (calibration, scenario or observation file, options)"})
final class CalibrateCommand implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "Calibration file (YAML).")
  Path file;

  @CommandLine.Mixin
  ResultOptions output = new ResultOptions();

  @Option(names = "--resume",
      description = "Finish the interrupted calibration in --out DIR from its last finished generation (or start it if there is none).")
  boolean resume;

  @Option(names = "--report",
      description = "Also write an offline HTML report (posterior against prior, pair plots, predictive bands with"
          + " the hold-out shaded, scores) into DIR/report/, once the results are complete.")
  boolean report;

  @CommandLine.Mixin
  ProgressOptions progressOptions = new ProgressOptions();

  @Option(names = "--shard", paramLabel = "K/N",
      description = "rejection only: simulate only shard K of N (a contiguous K-th of the samples); join the N folders with --merge.")
  String shardText;

  @Option(names = "--merge", paramLabel = "SHARD_DIR", arity = "1..*",
      description = "rejection only: join the folders of the N shards of this calibration into its results (written to --out).")
  List<Path> mergeDirs;

  private Shard shard = Shard.WHOLE;

  /** The model each run computes: the hedging model; the recovery tests replace it. */
  Simulator.Model model = Simulator.HEDGING;

  @Override
  public Integer call() throws IOException {
    return output.releasingUnused(this::execute);
  }

  private Integer execute() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (output.problem() != null) return failure(err, output.problem());
    if (progressOptions.problem() != null) return failure(err, progressOptions.problem());
    if (shardText != null) {
      try {
        shard = Shard.parse(shardText);
      } catch (IllegalArgumentException e) {
        return failure(err, "--shard: " + e.getMessage());
      }
      if (mergeDirs != null) return failure(err, "--shard and --merge go to different commands: run the shards, then merge them");
    }
    Calibration c;
    try {
      c = CalibrationLoader.load(file, file.toString());
    } catch (ScenarioException e) {
      ScenarioFiles.print(e, err);
      return ExitCodes.BAD_INPUT;
    }
    if ((!shard.whole() || mergeDirs != null) && c.method() != Calibration.Method.REJECTION) {
      return failure(err, (mergeDirs != null ? "--merge" : "--shard") + " applies to method rejection, whose samples are"
          + " independent; " + c.method().word + " is sequential (each generation or step proposes from the last),"
          + " so it runs in one process on all its cores (docs/CALIBRATION.md, section 6)");
    }
    String suffix = shard.whole() ? "" : "-shard-" + shard.index() + "-of-" + shard.count();
    if (resume && output.out == null) {
      Path found = SweepBase.latestUnfinished(output.resultsRoot.resolve(c.name()), suffix);
      if (found == null) {
        return failure(err, "--resume without --out: no unfinished folder of calibration " + c.name() + " under "
            + output.resultsRoot.resolve(c.name()) + "; give the folder to finish with --out DIR");
      }
      err.println("hedgesim calibrate: resuming " + found + ", the latest unfinished folder of this calibration");
      output.out = found;
    }
    int t = output.threads();
    long fitted = c.observations().stream().filter(c::fitted).count();
    err.printf(Locale.ROOT, "calibrate %s: %s, %d free parameters, %d observations (%d fitted, %d held out),"
        + " %d replications per particle, %d thread%s%n", c.name(), method(c), c.dimension(), c.observations().size(),
        fitted, c.observations().size() - fitted, c.replications(), t, t == 1 ? "" : "s");
    Path target = output.target(c.name(), suffix);
    err.println("results: " + target + (resume ? "" : "  (if interrupted, finish with the same command"
        + (output.out == null ? " and --out " + target : "") + " and --resume)"));
    err.flush();
    try (FolderLock lock = FolderLock.take(target, m -> {
      err.println("hedgesim calibrate: " + m);
      err.flush();
    })) {
      return runLocked(out, err, c, target, t);
    }
  }

  private static String method(Calibration c) {
    return switch (c.method()) {
      case ABC_SMC -> "abc-smc with " + c.particles() + " particles, up to " + c.generations() + " generations";
      case REJECTION -> "rejection ABC keeping " + c.particles() + " of " + c.samples() + " samples";
      case CMAES -> "cmaes, up to " + c.evaluations() + " evaluations, profiles of " + c.profilePoints() + " points";
    };
  }

  private int runLocked(PrintWriter out, PrintWriter err, Calibration c, Path target, int threads) throws IOException {
    Instant started = Instant.now();
    ResultFolder folder;
    try {
      folder = ResultFolder.resumable(target, resume);
    } catch (FileAlreadyExistsException | ResultFolder.Unusable e) {
      return failure(err, e.getFile() + " " + e.getReason());
    }
    tally = new Tally(display(err, c.name(), c));
    try (folder; var stop = StopNotice.resumable(err, spec, target, tally, "", false)) {
      Path staging = folder.file("");
      String fingerprint = CalibrationJournal.fingerprint(c);
      CalibrationJournal journal = new CalibrationJournal(staging, fingerprint, c.method() == Calibration.Method.REJECTION);
      Simulator simulator = new Simulator(c, model);
      Estimate outcome;
      try {
        if (!shard.whole()) return runShard(out, err, c, folder, journal, simulator, threads, target);
        outcome = switch (c.method()) {
          case ABC_SMC -> Estimate.ofAbc(c, new AbcSmc(c, simulator, threads).run(journal, progress(err, c.name(), c)));
          case REJECTION -> mergeDirs != null ? merged(c, fingerprint)
              : Estimate.ofAbc(c, new Rejection(c, simulator, threads).run(journal, progress(err, c.name(), c)));
          case CMAES -> {
            try (EvaluationJournal memory = new EvaluationJournal(staging, fingerprint)) {
              yield Estimate.ofCmaes(c, new Cmaes(c, simulator, threads).run(memory, progress(err, c.name(), c)));
            }
          }
        };
      } catch (CalibrationJournal.Mismatch | ShardProblem e) {
        return failure(err, e.getMessage());
      } catch (UncheckedIOException e) {
        if (e.getCause() instanceof WriteFailure w) return writeFailure(err, w, target);
        throw e;
      }
      CalibrationResults.Summary summary;
      try {
        // timing.json first: the manifest is reproducible, and the RO-Crate reads the times and the
        // command line from timing.json
        java.util.Map<String, Object> timing = new java.util.LinkedHashMap<>();
        timing.put("timing", Manifest.timingFile(started, Instant.now(), threads, TypedArguments.of(spec)));
        timing.put("machine", Manifest.machineSection());
        JsonFile.write(staging.resolve("timing.json"), timing);
        summary = CalibrationResults.write(c, outcome, staging, target, "calibrate");
        deleteTree(staging.resolve("journal"));
      } catch (WriteFailure w) {
        return writeFailure(err, w, target);
      }
      folder.commit();
      print(out, c, outcome, summary);
      int code = report ? writeReport(out, err, target) : ExitCodes.OK;
      out.println("Results: " + target);
      out.flush();
      return code;
    }
  }

  /**
   * Writes DIR/report/ whole into the committed results, or says why not; the results stay as they
   * are either way (as {@code sweep --report} does), and an existing report is kept.
   */
  private static int writeReport(PrintWriter out, PrintWriter err, Path folder) throws IOException {
    Path target = folder.resolve(ReportCommand.FOLDER);
    if (Files.exists(target.resolve(Report.FILE))) {
      out.println("Report (already there, kept): " + target.resolve(Report.FILE));
      return ExitCodes.OK;
    }
    try (ResultFolder rf = ResultFolder.prepare(target)) {
      for (String n : rf.notices()) err.println("hedgesim calibrate: " + n);
      Report.write(folder, rf.file(""));
      rf.commit();
    } catch (FileAlreadyExistsException | ResultFolder.Unusable e) {
      return failure(err, "report folder " + e.getFile() + " " + e.getReason());
    }
    out.println("Report: " + target.resolve(Report.FILE));
    return ExitCodes.OK;
  }

  /** A set of shard folders that cannot be merged. */
  private static final class ShardProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ShardProblem(String message) {
      super(message);
    }
  }

  /** The file of a shard folder that says which shard it is. */
  static final String SHARD_FILE = "shard.json";

  /** Simulates one shard of rejection's samples and keeps its closest in the shard's folder. */
  private int runShard(PrintWriter out, PrintWriter err, Calibration c, ResultFolder folder, CalibrationJournal journal,
      Simulator simulator, int threads, Path target) throws IOException {
    long from = shard.from(c.samples());
    long to = shard.to(c.samples());
    new Rejection(c, simulator, threads).run(journal, progress(err, c.name(), c), from, to);
    java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("calibration", c.name());
    m.put("file", c.file());
    m.put("fingerprint", CalibrationJournal.fingerprint(c));
    m.put("shard", shard.index());
    m.put("shards", shard.count());
    m.put("samples_from", from);
    m.put("samples_to", to);
    JsonFile.write(folder.file(SHARD_FILE), m);
    folder.commit();
    out.printf(Locale.ROOT, "%s: shard %s simulated samples %d to %d; join the %d shard folders with"
        + " 'hedgesim calibrate %s --merge DIR...'%n", c.name(), shard, from, to - 1, shard.count(), c.file());
    out.println("Results: " + target);
    out.flush();
    return ExitCodes.OK;
  }

  /** The closest samples of all the shards named by --merge, checked to be this calibration's, each once. */
  private Estimate merged(Calibration c, String fingerprint) throws IOException {
    List<org.hedgesim.calibration.Population> parts = new java.util.ArrayList<>();
    java.util.Set<Long> seen = new java.util.TreeSet<>();
    long count = -1;
    for (Path dir : mergeDirs) {
      Path f = dir.resolve(SHARD_FILE);
      if (!Files.isRegularFile(f)) throw new ShardProblem(dir + " is not a shard folder of a calibration (no " + SHARD_FILE + ")");
      com.fasterxml.jackson.databind.JsonNode n = JsonFile.mapper().readTree(f.toFile());
      if (!fingerprint.equals(n.path("fingerprint").asText())) {
        throw new ShardProblem(dir + " is a shard of another calibration (or of another version of " + c.file() + ")");
      }
      long k = n.path("shard").asLong();
      long of = n.path("shards").asLong();
      if (count >= 0 && of != count) throw new ShardProblem(dir + " is shard " + k + " of " + of + ", the others of " + count);
      count = of;
      if (!seen.add(k)) throw new ShardProblem("shard " + k + " of " + of + " is given twice (" + dir + ")");
      parts.addAll(new CalibrationJournal(dir, fingerprint, true).finished());
    }
    if (seen.size() != count) throw new ShardProblem("the merge needs all " + count + " shards, found " + seen);
    return Estimate.ofAbc(c, new Rejection(c, null, 1).merge(parts));
  }

  private int writeFailure(PrintWriter err, WriteFailure w, Path target) {
    err.println("hedgesim calibrate: " + w.describe() + "; the generations finished so far are kept in "
        + ResultFolder.stagingOf(target) + ": free some space and finish with the same command"
        + (output.out == null ? " and --out " + target : "") + " and --resume");
    err.flush();
    return ExitCodes.FAILURE;
  }

  private static void print(PrintWriter out, Calibration c, Estimate o, CalibrationResults.Summary s) {
    out.printf(Locale.ROOT, "%s: %s; stopped: %s%n", c.name(), describe(o), o.stopped());
    out.printf(Locale.ROOT, "%-34s %-18s %10s %23s %9s  %s%n", "parameter", "prior", "median", "90% interval",
        "shrinkage", "verdict");
    for (PosteriorSummary p : s.posterior()) {
      out.printf(Locale.ROOT, "%-34s %-18s %10s %23s %9.2f  %s%n", p.parameter().name(), p.parameter().prior().text(),
          Numbers.format(round(p.median())), "[" + Numbers.format(round(p.q05())) + ", " + Numbers.format(round(p.q95())) + "]",
          p.shrinkage(), p.verdict().text);
    }
    for (Scores sc : s.scores()) {
      if (sc.n() == 0) continue;
      if (sc.forecast().equals("model") && sc.metric().equals(Scores.ALL)) {
        out.printf(Locale.ROOT, "%s: %d observations, standardised RMSE %s, 90%% coverage %.0f%%, 50%% coverage %.0f%%%s%n",
            sc.set(), sc.n(), Numbers.format(round(sc.rmseStandardised())), 100 * sc.coverage90(), 100 * sc.coverage50(),
            Double.isNaN(sc.skill()) ? "" : String.format(Locale.ROOT, ", skill against persistence %.2f", sc.skill()));
      }
    }
  }

  private static String describe(Estimate o) {
    long proposals = o.generations().stream().mapToLong(p -> p.proposals()).sum();
    return o.method() + ", " + proposals + " parameter vectors simulated, "
        + (o.profiles().isEmpty() ? "final tolerance " : "best distance ")
        + Numbers.format(round(o.generations().get(o.generations().size() - 1).tolerance()));
  }

  private static double round(double v) {
    if (!Double.isFinite(v) || v == 0) return v;
    return new java.math.BigDecimal(v).round(new java.math.MathContext(4)).doubleValue();
  }

  /**
   * The progress of the calibration: accepted particles (abc-smc: the generations times the
   * particles, so the ETA assumes the acceptance rate holds), samples (rejection) or evaluations
   * (cmaes).
   */
  private SweepProgress progress(PrintWriter err, String name, Calibration c) {
    return tally;
  }

  /** The progress of this calibration, counted for the line printed if it is stopped. */
  private Tally tally;

  private SweepProgress display(PrintWriter err, String name, Calibration c) {
    String unit = switch (c.method()) {
      case ABC_SMC -> "particles";
      case REJECTION -> "samples";
      case CMAES -> "evaluations";
    };
    return progressOptions.display(err, name, unit);
  }

  private static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) return;
    try (java.util.stream.Stream<Path> s = Files.walk(p)) {
      for (Path q : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(q);
    }
  }

  private static int failure(PrintWriter err, String message) {
    err.println("hedgesim calibrate: " + message);
    err.flush();
    return ExitCodes.BAD_INPUT;
  }
}
