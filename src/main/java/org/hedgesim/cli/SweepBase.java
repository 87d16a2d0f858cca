package org.hedgesim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.hedgesim.analysis.Report;
import org.hedgesim.calibration.PosteriorDraws;
import org.hedgesim.experiment.ParameterDraws;
import org.hedgesim.experiment.Pilot;
import org.hedgesim.experiment.Shard;
import org.hedgesim.experiment.Sweep;
import org.hedgesim.experiment.SweepException;
import org.hedgesim.experiment.SweepParameter;
import org.hedgesim.experiment.SweepProgress;
import org.hedgesim.experiment.SweepRun;
import org.hedgesim.output.FolderLock;
import org.hedgesim.output.ResultFolder;
import org.hedgesim.scenario.ScenarioException;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What {@code sweep} and {@code sensitivity} share: read a sweep file, run it (or take up an
 * interrupted or finished one with {@code --resume}) with progress, then say what came out and,
 * with {@code --report}, write the folder's report.
 */
abstract class SweepBase implements Callable<Integer> {

  /** How progress is shown. */
  enum ProgressMode { AUTO, BAR, LINES, NONE }

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SWEEP", description = "Sweep file (YAML).")
  Path sweepFile;

  @CommandLine.Mixin
  ResultOptions output = new ResultOptions();

  @Option(names = "--resume",
      description = "Finish the interrupted sweep in --out DIR without redoing finished runs (or start it if there is none).")
  boolean resume;

  @Option(names = "--report", description = "Also write report/report.html (tables, plots, provenance) into the results folder.")
  boolean report;

  @CommandLine.Mixin
  ProgressOptions progressOptions = new ProgressOptions();

  /** The longest wait between progress lines: a day. */
  static final long MAX_PROGRESS_SECONDS = 86_400;

  @Option(names = "--yes",
      description = "Start a sweep of more than " + LARGE_RUNS_TEXT + " runs (without it, such a sweep is refused with an estimate of its time).")
  boolean yes;

  @Option(names = "--dry-run",
      description = "Check the sweep file, print the runs and an estimate of the time from a pilot of a few runs; run and write nothing.")
  boolean dryRun;

  /** Above this many runs in one process, a sweep starts only with {@code --yes}. */
  static final long LARGE_RUNS = 100_000;
  private static final String LARGE_RUNS_TEXT = "100,000";

  /**
   * What each run computes: null for the hedging model. Not an option: the reference tests set it
   * to functions with known sensitivity indices, to check the command's whole path.
   */
  SweepRun.Evaluator evaluator;

  /** The command's name, for messages. */
  abstract String name();

  /** Reads and checks the sweep file. */
  abstract Sweep load() throws ScenarioException;

  /** The part of the runs to do. */
  Shard shard() {
    return Shard.WHOLE;
  }

  boolean timeseries() {
    return false;
  }

  /** {@code --posterior}, for a command that takes it; null for one that does not. */
  PosteriorOption posterior() {
    return null;
  }

  /** A problem with this command's own options, or null. */
  String problem() {
    return null;
  }

  /**
   * The latest folder under {@code root} (by name: the default folders are named by date and time)
   * whose resumable staging folder exists, that is a sweep started there and not finished (the
   * folder itself may be missing: an interrupted command removes it while it is empty); only
   * folders whose name ends with {@code suffix} (a shard's) and has no other shard suffix count.
   * Null when there is none.
   */
  static Path latestUnfinished(Path root, String suffix) throws IOException {
    if (!Files.isDirectory(root)) return null;
    try (java.util.stream.Stream<Path> s = Files.list(root)) {
      // the target of each staging folder: a stopped command removes its empty target (Ctrl-C)
      return s.filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith(".") && n.endsWith(".partial") && n.length() > ".partial".length() + 1)
          .map(n -> root.resolve(n.substring(1, n.length() - ".partial".length())))
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .filter(p -> {
            String n = p.getFileName().toString();
            return suffix.isEmpty() ? !n.contains("-shard-") : n.endsWith(suffix);
          })
          .filter(p -> Files.isDirectory(org.hedgesim.output.ResultFolder.stagingOf(p)))
          .max(java.util.Comparator.comparing(p -> p.getFileName().toString()))
          .orElse(null);
    }
  }

  /** What to print (and write) once the sweep is done or found complete; returns the exit code. */
  abstract int finish(PrintWriter out, PrintWriter err, Sweep sweep, SweepRun.Result result) throws IOException;

  @Override
  public final Integer call() throws IOException {
    return output.releasingUnused(this::execute);
  }

  private Integer execute() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String problem = output.problem() != null ? output.problem() : progressOptions.problem();
    if (problem == null) problem = problem();
    if (problem != null) return usage(err, problem);
    Sweep sweep;
    try {
      sweep = load();
    } catch (ScenarioException e) {
      ScenarioFiles.print(e, err);
      return ExitCodes.BAD_INPUT;
    }
    ScenarioFiles.printWarnings(sweep.warnings(), err);
    ParameterDraws draws = null;
    if (posterior() != null && posterior().given()) {
      draws = posteriorDraws(err, sweep);
      if (draws == null) return ExitCodes.BAD_INPUT;
    }
    Shard shard = shard();
    int t = output.threads();
    long from = shard.from(sweep.runs());
    long to = shard.to(sweep.runs());
    String plan = String.format(Locale.ROOT, "%s %s: %d design points x %d replications = %d runs%s, %d thread%s",
        name(), sweep.name(), sweep.pointCount(), sweep.replications(), sweep.runs(),
        shard.whole() ? "" : "; shard " + shard + ": runs " + from + " to " + (to - 1), t, t == 1 ? "" : "s");
    if (draws != null) plan += "\n" + PosteriorOption.line(draws);
    if (dryRun) {
      out.println(plan);
      out.println(estimate(sweep, from, to, t) + "; nothing was run or written (--dry-run).");
      out.flush();
      return ExitCodes.OK;
    }
    if (to - from > LARGE_RUNS && !yes) {
      return failure(err, (to - from) + " runs is more than " + LARGE_RUNS_TEXT + " in one process: "
          + estimate(sweep, from, to, t) + ". Add --yes to start it, or make it smaller (--shard K/N splits it).");
    }
    String suffix = shard.whole() ? "" : "-shard-" + shard.index() + "-of-" + shard.count();
    if (resume && output.out == null) {
      Path found = latestUnfinished(output.resultsRoot.resolve(sweep.name()), suffix);
      if (found == null) {
        return usage(err, "--resume without --out: no unfinished folder of sweep " + sweep.name() + " under "
            + output.resultsRoot.resolve(sweep.name()) + "; give the folder to finish with --out DIR");
      }
      err.println("hedgesim " + name() + ": resuming " + found + ", the latest unfinished folder of this sweep");
      output.out = found;
    }
    Path target = output.target(sweep.name(), suffix);
    err.println(plan);
    err.println("results: " + target + (resume ? "" : "  (if interrupted, finish with the same command"
        + (output.out == null ? " and --out " + target : "") + " and --resume)"));
    err.flush();
    try (FolderLock lock = FolderLock.take(target, m -> {
      err.println("hedgesim " + name() + ": " + m);
      err.flush();
    })) {
      return runLocked(out, err, sweep, target, t, draws);
    }
  }

  /**
   * The draws of the sweep's replications from {@code --posterior}: the posterior must fit the
   * base scenario (each draw is bound against it at once, so a bad one stops the sweep before it
   * starts); a design parameter that sets a value the posterior also sets is noted, and wins.
   * Null, with the problems printed, when refused.
   */
  private ParameterDraws posteriorDraws(PrintWriter err, Sweep sweep) throws IOException {
    PosteriorDraws fitted = posterior().posterior(err);
    if (fitted == null) return null;
    ParameterDraws draws = fitted.seeded(sweep.seed());
    if (posterior().bind(fitted, draws, sweep.baseScenario(), sweep.replications(), sweep.base().files().get(0),
        sweep.base().paths(), name(), err) == null) {
      return null;
    }
    List<String> canonical = fitted.canonicalPaths(sweep.base().tree());
    for (SweepParameter p : sweep.parameters()) {
      int j = canonical.indexOf(p.canonical());
      if (j >= 0) {
        err.println("hedgesim " + name() + ": the design sets " + p.name() + ", which the posterior also sets ("
            + fitted.parameters().get(j).name() + "): the design's values are used, and the posterior's draws of the"
            + " other parameters");
      }
    }
    err.flush();
    return draws;
  }

  /** Runs (or takes up) the sweep while this process holds the lock of its folder. */
  private int runLocked(PrintWriter out, PrintWriter err, Sweep sweep, Path target, int t, ParameterDraws draws)
      throws IOException {
    Shard shard = shard();
    SweepRun.Result r;
    Tally tally = new Tally(progressOptions.display(err, sweep.name(), "runs"));
    try (var stop = StopNotice.resumable(err, spec, target, tally, "runs", true)) {
      r = SweepRun.execute(sweep, new SweepRun.Options(target, t, shard, resume, timeseries(), draws,
          TypedArguments.of(spec)), tally, evaluator);
    } catch (FileAlreadyExistsException | ResultFolder.Unusable e) {
      return failure(err, e.getFile() + " " + e.getReason());
    } catch (SweepException e) {
      return failure(err, e.getMessage());
    } catch (org.hedgesim.output.WriteFailure e) {
      err.println("hedgesim " + name() + ": " + e.describe() + "; the runs finished so far are kept in "
          + ResultFolder.stagingOf(target) + ": free some space and finish with the same command"
          + (output.out == null ? " and --out " + target : "") + " and --resume");
      err.flush();
      return ExitCodes.FAILURE;
    }
    if (r.alreadyComplete()) {
      out.println("The sweep in " + r.folder() + " is already complete; nothing to do.");
    } else {
      double seconds = Math.max(1e-9, r.elapsed().toNanos() / 1e9);
      out.printf(Locale.ROOT, "%s: %d runs%s in %.1f s (%.1f runs/s on %d thread%s)%s%n", sweep.name(),
          r.runs(), shard.whole() ? "" : " of shard " + shard, seconds, r.ran() / seconds, t, t == 1 ? "" : "s",
          r.resumed() > 0 ? "; " + r.resumed() + " runs were done before and kept" : "");
    }
    if (draws != null) out.println(PosteriorOption.line(draws));
    int code = finish(out, err, sweep, r);
    if (code == ExitCodes.OK && report && shard.whole()) code = writeReport(out, err, r.folder());
    out.println("Results: " + r.folder());
    out.flush();
    err.flush();
    return code;
  }

  /** The estimated time of runs {@code from} to {@code to} from a pilot of a few of them, as a phrase. */
  private String estimate(Sweep sweep, long from, long to, int threads) {
    Pilot.Estimate e = Pilot.of(sweep, from, to, evaluator);
    if (e == null) return "no estimate of its time (its first runs could not be made)";
    return String.format(Locale.ROOT, "estimated time about %s on %d thread%s (a pilot of %d runs took %.1f ms each)",
        about(e.total(to - from, threads)), threads, threads == 1 ? "" : "s", e.pilotRuns(), e.perRun().toNanos() / 1e6);
  }

  /** A duration in the unit a reader would choose: seconds, minutes, hours, days or years. */
  static String about(Duration d) {
    double s = d.toNanos() / 1e9;
    if (s < 90) return String.format(Locale.ROOT, "%.0f s", Math.max(1, s));
    if (s < 90 * 60) return String.format(Locale.ROOT, "%.0f min", s / 60);
    if (s < 48 * 3600) return String.format(Locale.ROOT, "%.1f hours", s / 3600);
    if (s < 730 * 86400) return String.format(Locale.ROOT, "%.0f days", s / 86400);
    return String.format(Locale.ROOT, "%.0f years", s / (365.25 * 86400));
  }

  /** Writes DIR/report/ whole, or says why not; an existing report is left as it is. */
  private int writeReport(PrintWriter out, PrintWriter err, Path folder) throws IOException {
    Path target = folder.resolve(ReportCommand.FOLDER);
    if (Files.exists(target.resolve(Report.FILE))) {
      out.println("Report (already there, kept): " + target.resolve(Report.FILE));
      return ExitCodes.OK;
    }
    try (ResultFolder rf = ResultFolder.prepare(target)) {
      for (String n : rf.notices()) err.println("hedgesim " + name() + ": " + n);
      Report.write(folder, rf.file(""));
      rf.commit();
    } catch (FileAlreadyExistsException | ResultFolder.Unusable e) {
      return failure(err, "report folder " + e.getFile() + " " + e.getReason());
    }
    out.println("Report: " + target.resolve(Report.FILE));
    return ExitCodes.OK;
  }

  /**
   * The progress display of a mode, for every command that shows one: a bar on a terminal, lines
   * every {@code seconds} otherwise (AUTO), counting {@code unit}.
   */
  static SweepProgress progress(ProgressMode mode, PrintWriter err, String name, long seconds, String unit) {
    return progress(mode, err, name, seconds, unit, false);
  }

  /**
   * As {@link #progress(ProgressMode, PrintWriter, String, long, String)}; with
   * {@code quietWhenShort}, the lines AUTO chooses off a terminal leave out the last one when no
   * other was printed (the work took less than {@code seconds}).
   */
  static SweepProgress progress(ProgressMode mode, PrintWriter err, String name, long seconds, String unit,
      boolean quietWhenShort) {
    boolean chosen = mode == ProgressMode.AUTO;
    if (chosen) {
      mode = System.console() != null && !"dumb".equals(System.getenv("TERM")) ? ProgressMode.BAR : ProgressMode.LINES;
    }
    return switch (mode) {
      case BAR -> new ProgressBarDisplay(name, unit);
      case LINES -> new ProgressLines(err, name, seconds, unit, quietWhenShort && chosen);
      default -> SweepProgress.NONE;
    };
  }

  int usage(PrintWriter err, String message) {
    return failure(err, message);
  }

  int failure(PrintWriter err, String message) {
    err.println("hedgesim " + name() + ": " + message);
    err.flush();
    return ExitCodes.BAD_INPUT;
  }
}
