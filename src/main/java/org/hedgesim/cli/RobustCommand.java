package org.hedgesim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.hedgesim.analysis.RobustnessMetrics;
import org.hedgesim.experiment.RobustLoader;
import org.hedgesim.experiment.RobustRun;
import org.hedgesim.experiment.RobustStudy;
import org.hedgesim.experiment.SweepException;
import org.hedgesim.output.FolderLock;
import org.hedgesim.output.ResultFolder;
import org.hedgesim.scenario.ScenarioException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code hedgesim robust ROBUST.yaml}: robust decision making. Every lever setting runs over the
 * same Latin hypercube of futures on common random numbers; the command writes each setting's
 * robustness (mean, percentile, satisficing share, maximum regret, Pareto set) and names the most
 * robust setting in one line (docs/ANALYSIS.md, "Robust decisions").
 */
@Command(name = "robust", mixinStandardHelpOptions = true, sortOptions = false,
    header = "Find the lever setting that does well in most futures.",
    description = {"Run every lever setting of a robust-decision file over the same Latin hypercube",
        "of futures (common random numbers), on all cores; write futures.csv, outcomes.csv,",
        "robustness.csv (mean, percentile, satisficing share, max regret, Pareto set),",
        "regret.csv and manifest.json to results/robust/<name>/<run-id>/, and name the most",
        "robust setting (least maximum regret on the first objective)."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:run-time failure; nothing is left half-written",
        "2:bad input (usage, robust or scenario file, an existing output folder)"})
final class RobustCommand implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "ROBUST", description = "Robust-decision file (YAML).")
  Path robustFile;

  @CommandLine.Mixin
  ResultOptions output = new ResultOptions();

  @Option(names = "--report", description = "Also write report/report.html (robustness table, regret and trade-off plots).")
  boolean report;

  @CommandLine.Mixin
  ProgressOptions progress = new ProgressOptions();

  @Override
  public Integer call() throws IOException {
    return output.releasingUnused(this::execute);
  }

  private Integer execute() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (output.problem() != null) return bad(err, output.problem());
    if (progress.problem() != null) return bad(err, progress.problem());
    RobustStudy study;
    try {
      study = RobustLoader.load(robustFile, robustFile.toString());
    } catch (ScenarioException e) {
      ScenarioFiles.print(e, err);
      return ExitCodes.BAD_INPUT;
    }
    int t = output.threads();
    err.printf(Locale.ROOT, "robust %s: %d lever settings x %d futures x %d replications = %d runs, %d thread%s%n",
        study.name(), study.settingCount(), study.futureCount(), study.replications(), study.runs(), t,
        t == 1 ? "" : "s");
    Path target = output.target(Path.of("robust", study.name()).toString(), "");
    err.flush();
    RobustRun.Result r;
    Tally tally = new Tally(progress.display(err, study.name(), "runs"));
    try (var stop = StopNotice.notResumable(err, target, tally);
        FolderLock lock = FolderLock.take(target, m -> {
          err.println("hedgesim robust: " + m);
          err.flush();
        })) {
      r = RobustRun.execute(study, new RobustRun.Options(target, t, TypedArguments.of(spec)), tally,
          report ? ReportCommand::writeInto : null);
    } catch (FileAlreadyExistsException | ResultFolder.Unusable e) {
      return bad(err, "output folder " + e.getFile() + " " + e.getReason());
    } catch (SweepException e) {
      return bad(err, e.getMessage());
    }
    double seconds = Math.max(1e-9, r.elapsed().toNanos() / 1e9);
    out.printf(Locale.ROOT, "%s: %d runs in %.1f s (%.1f runs/s on %d thread%s)%n", study.name(), r.runs(), seconds,
        r.runs() / seconds, t, t == 1 ? "" : "s");
    out.println(answer(study, r.findings()));
    if (report) out.println("Report: " + r.folder().resolve(ReportCommand.FOLDER).resolve(org.hedgesim.analysis.Report.FILE));
    out.println("Results: " + r.folder());
    out.flush();
    return ExitCodes.OK;
  }

  /**
   * The one-line answer: the most robust setting and its figures on the first objective, e.g.
   * "Most robust: lever=value — metric mean 0.71, 10th percentile 0.63, satisficing in 82% of 500
   * futures, max regret 0.04".
   */
  static String answer(RobustStudy study, RobustRun.Findings f) {
    int s = f.mostRobust();
    RobustStudy.Objective o = study.objectives().get(0);
    RobustnessMetrics m = f.metrics()[0][s];
    StringBuilder b = new StringBuilder("Most robust: ").append(study.label(s)).append(" \u2014 ").append(o.name())
        .append(" mean ").append(fmt(m.mean())).append(", ").append(ordinal(o.percentile())).append(" percentile ")
        .append(fmt(m.percentile()));
    if (o.satisficing() != null) {
      b.append(String.format(Locale.ROOT, ", satisficing (%s) in %.0f%% of %d futures", o.satisficing(),
          100 * m.satisficing(), study.futureCount()));
    } else {
      b.append(", over ").append(study.futureCount()).append(" futures");
    }
    b.append(", max regret ").append(fmt(f.maxRegret()[0][s]));
    if (!f.pareto()[s]) b.append(" (not on the Pareto set of the objectives' percentiles)");
    return b.toString();
  }

  static String fmt(double v) {
    return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.1f" : "%.3f", v);
  }

  static String ordinal(double p) {
    if (p != Math.rint(p)) return org.hedgesim.output.Numbers.format(p) + "th";
    long n = (long) p;
    String suffix = n % 100 >= 11 && n % 100 <= 13 ? "th" : switch ((int) (n % 10)) {
      case 1 -> "st";
      case 2 -> "nd";
      case 3 -> "rd";
      default -> "th";
    };
    return n + suffix;
  }

  private static int bad(PrintWriter err, String message) {
    err.println("hedgesim robust: " + message);
    err.flush();
    return ExitCodes.BAD_INPUT;
  }
}
