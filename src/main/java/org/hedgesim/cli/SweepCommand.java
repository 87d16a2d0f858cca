package org.hedgesim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.hedgesim.experiment.Shard;
import org.hedgesim.experiment.Sweep;
import org.hedgesim.experiment.SweepException;
import org.hedgesim.experiment.SweepLoader;
import org.hedgesim.experiment.SweepProgress;
import org.hedgesim.experiment.SweepRun;
import org.hedgesim.scenario.ScenarioException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hedgesim sweep SWEEP}: runs a designed sweep, or one shard of it (docs/SWEEPS.md). */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Run a designed sweep of a scenario on all cores (docs/SWEEPS.md).",
        "Each run adds a row to runs.csv as it finishes; summary.csv, design.csv and",
        "manifest.json follow, in a new folder (results/<sweep>/<run-id>/ by default).",
        "--resume finishes an interrupted sweep; --shard K/N runs one part of it."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success, or --resume found the sweep already complete",
        "1:run-time failure; what was done is kept, and --resume takes it up",
        "2:bad input (usage, sweep or scenario file, an existing output folder, an unfinished sweep of other files)"})
final class SweepCommand implements Callable<Integer> {

  /** How progress is shown. */
  enum ProgressMode { AUTO, BAR, LINES, NONE }

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SWEEP", description = "Sweep file (YAML).")
  Path sweepFile;

  @CommandLine.Mixin
  ResultOptions output = new ResultOptions();

  @Option(names = "--shard", paramLabel = "K/N",
      description = "Run only shard K of N: a contiguous K-th of the runs. Join the N folders with 'hedgesim merge'.")
  String shardText;

  @Option(names = "--resume",
      description = "Finish the interrupted sweep in --out DIR without redoing finished runs (or start it if there is none).")
  boolean resume;

  @Option(names = "--timeseries",
      description = "Also write every series at every step of every run to timeseries.csv.gz (large).")
  boolean timeseries;

  @Option(names = "--progress", paramLabel = "MODE",
      description = "bar, lines or none (default: a bar on a terminal, lines otherwise).")
  ProgressMode progressMode = ProgressMode.AUTO;

  @Option(names = "--progress-every", paramLabel = "SECONDS", defaultValue = "10",
      description = "Seconds between progress lines (default: ${DEFAULT-VALUE}).")
  long progressSeconds;


  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (output.problem() != null) return usage(err, output.problem());
    Shard shard = Shard.WHOLE;
    if (shardText != null) {
      try {
        shard = Shard.parse(shardText);
      } catch (IllegalArgumentException e) {
        return usage(err, "--shard: " + e.getMessage());
      }
    }
    if (resume && output.out == null) {
      return usage(err, "--resume needs --out DIR, the folder of the sweep to finish");
    }
    Sweep sweep;
    try {
      sweep = SweepLoader.load(sweepFile, sweepFile.toString());
    } catch (ScenarioException e) {
      ScenarioFiles.print(e, err);
      return ExitCodes.BAD_INPUT;
    }
    Path target = output.target(sweep.name(),
        shard.whole() ? "" : "-shard-" + shard.index() + "-of-" + shard.count());
    int t = output.threads();
    long from = shard.from(sweep.runs());
    long to = shard.to(sweep.runs());
    err.printf(Locale.ROOT, "sweep %s: %d design points x %d replications = %d runs%s, %d thread%s%n",
        sweep.name(), sweep.pointCount(), sweep.replications(), sweep.runs(),
        shard.whole() ? "" : "; shard " + shard + ": runs " + from + " to " + (to - 1),
        t, t == 1 ? "" : "s");
    err.println("results: " + target + (resume ? "" : "  (if interrupted, finish with the same command"
        + (output.out == null ? " and --out " + target : "") + " and --resume)"));
    err.flush();
    SweepProgress progress = progress(err, sweep.name());
    SweepRun.Result r;
    try {
      r = SweepRun.execute(sweep, new SweepRun.Options(target, t, shard, resume, timeseries), progress);
    } catch (FileAlreadyExistsException e) {
      err.println("hedgesim sweep: " + e.getFile() + " " + e.getReason());
      err.flush();
      return ExitCodes.BAD_INPUT;
    } catch (SweepException e) {
      err.println("hedgesim sweep: " + e.getMessage());
      err.flush();
      return ExitCodes.BAD_INPUT;
    }
    if (r.alreadyComplete()) {
      out.println("The sweep in " + r.folder() + " is already complete; nothing to do.");
      out.flush();
      return ExitCodes.OK;
    }
    double seconds = Math.max(1e-9, r.elapsed().toNanos() / 1e9);
    out.printf(Locale.ROOT, "%s: %d runs%s in %.1f s (%.1f runs/s on %d thread%s)%s%n", sweep.name(),
        r.runs(), shard.whole() ? "" : " of shard " + shard, seconds, r.ran() / seconds, t, t == 1 ? "" : "s",
        r.resumed() > 0 ? "; " + r.resumed() + " runs were done before and kept" : "");
    if (shard.whole()) {
      SweepOverview.print(out, r.folder().resolve(SweepRun.SUMMARY), sweep);
    } else {
      out.println("Join the " + shard.count() + " shards with: hedgesim merge DIR... --out DIR");
    }
    out.println("Results: " + r.folder());
    out.flush();
    return ExitCodes.OK;
  }

  private SweepProgress progress(PrintWriter err, String name) {
    ProgressMode mode = progressMode;
    if (mode == ProgressMode.AUTO) {
      mode = System.console() != null && !"dumb".equals(System.getenv("TERM")) ? ProgressMode.BAR : ProgressMode.LINES;
    }
    return switch (mode) {
      case BAR -> new ProgressBarDisplay(name);
      case LINES -> new ProgressLines(err, name, progressSeconds);
      default -> SweepProgress.NONE;
    };
  }

  private static int usage(PrintWriter err, String message) {
    err.println("hedgesim sweep: " + message);
    err.flush();
    return ExitCodes.BAD_INPUT;
  }
}
