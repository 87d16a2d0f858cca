package org.hedgesim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import org.hedgesim.experiment.Shard;
import org.hedgesim.experiment.Sweep;
import org.hedgesim.experiment.SweepLoader;
import org.hedgesim.experiment.SweepRun;
import org.hedgesim.scenario.ScenarioException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hedgesim sweep SWEEP}: runs a designed sweep, or one shard of it (docs/SWEEPS.md). */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Run a designed sweep of a scenario on all cores (docs/SWEEPS.md).",
        "Each run adds a row to runs.csv as it finishes; summary.csv, design.csv and",
        "manifest.json follow, in a new folder (results/<sweep>/<run-id>/ by default).",
        "--resume finishes an interrupted sweep; --shard K/N runs one part of it.",
        "--posterior DIR draws replication r's parameters from a calibration's posterior."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success, or --resume found the sweep already complete",
        "1:run-time failure; what was done is kept, and --resume takes it up",
        "2:bad input (usage, sweep or scenario file, an existing output folder, an unfinished sweep of other files)"})
final class SweepCommand extends SweepBase {

  @Option(names = "--shard", paramLabel = "K/N",
      description = "Run only shard K of N: a contiguous K-th of the runs. Join the N folders with 'hedgesim merge'.")
  String shardText;

  @Option(names = "--timeseries",
      description = "Also write every series at every step of every run to timeseries.csv.gz (large).")
  boolean timeseries;

  @picocli.CommandLine.Mixin
  PosteriorOption posterior = new PosteriorOption();

  private Shard shard = Shard.WHOLE;

  @Override
  PosteriorOption posterior() {
    return posterior;
  }

  @Override
  String name() {
    return "sweep";
  }

  @Override
  String problem() {
    if (shardText == null) return null;
    try {
      shard = Shard.parse(shardText);
    } catch (IllegalArgumentException e) {
      return "--shard: " + e.getMessage();
    }
    if (report && !shard.whole()) return "--report needs the whole sweep: report on the merged folder ('hedgesim report DIR')";
    return null;
  }

  @Override
  Shard shard() {
    return shard;
  }

  @Override
  boolean timeseries() {
    return timeseries;
  }

  @Override
  Sweep load() throws ScenarioException {
    return SweepLoader.load(sweepFile, sweepFile.toString());
  }

  @Override
  int finish(PrintWriter out, PrintWriter err, Sweep sweep, SweepRun.Result r) throws IOException {
    if (r.alreadyComplete()) return ExitCodes.OK;
    if (shard.whole()) {
      SweepOverview.print(out, r.folder().resolve(SweepRun.SUMMARY), sweep);
    } else {
      out.println("Join the " + shard.count() + " shards with: hedgesim merge DIR... --out DIR");
    }
    return ExitCodes.OK;
  }
}
