package org.hedgesim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.hedgesim.analysis.SensitivityTable;
import org.hedgesim.analysis.SweepSensitivity;
import org.hedgesim.experiment.Sweep;
import org.hedgesim.experiment.SweepLoader;
import org.hedgesim.experiment.SweepRun;
import org.hedgesim.scenario.ScenarioException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hedgesim sensitivity SWEEP}: runs a sweep with a Saltelli or Morris design and estimates
 * which parameters drive each outcome (docs/ANALYSIS.md).
 */
@Command(name = "sensitivity", mixinStandardHelpOptions = true, sortOptions = false,
    header = "Sweep, then estimate Sobol or Morris sensitivity.",
    description = {"Run a sweep with a saltelli or morris design and estimate the sensitivity",
        "of each outcome to each parameter: Sobol first-order and total indices, or",
        "Morris mu*, sigma and mu, with 95%% bootstrap intervals (docs/ANALYSIS.md).",
        "Writes the sweep's files plus sensitivity.csv, and prints a ranked table per",
        "outcome.",
        "On a finished sweep (--out DIR --resume, e.g. shards joined by 'hedgesim merge')",
        "it only recomputes the indices."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:run-time failure; what was done is kept, and --resume takes it up",
        "2:bad input (usage, a sweep without a saltelli or morris design, sweep or scenario file, output folder)"})
final class SensitivityCommand extends SweepBase {

  @Option(names = "--bootstrap", paramLabel = "B", defaultValue = "" + SweepSensitivity.RESAMPLES,
      description = "Bootstrap resamples for the 95%% intervals (default: ${DEFAULT-VALUE}; 0: no intervals).")
  int resamples;

  @Option(names = "--top", paramLabel = "N", defaultValue = "10",
      description = "Parameters listed per outcome on the console (default: ${DEFAULT-VALUE}); sensitivity.csv has all.")
  int top;

  @Override
  String name() {
    return "sensitivity";
  }

  @Override
  String problem() {
    if (resamples < 0 || resamples > 1_000_000) return "--bootstrap must be between 0 and 1000000";
    if (top < 1) return "--top must be at least 1";
    return null;
  }

  @Override
  Sweep load() throws ScenarioException {
    return SweepLoader.loadForSensitivity(sweepFile, sweepFile.toString());
  }

  @Override
  int finish(PrintWriter out, PrintWriter err, Sweep sweep, SweepRun.Result r) throws IOException {
    SweepSensitivity.Result s;
    try {
      s = SweepSensitivity.analyse(r.folder(), resamples);
    } catch (SweepSensitivity.NotASensitivitySweep e) {
      return failure(err, e.getMessage());
    }
    SweepSensitivity.write(r.folder(), s);
    print(out, s, top);
    out.println("All indices: " + r.folder().resolve(SweepSensitivity.FILE));
    return ExitCodes.OK;
  }

  static void print(PrintWriter out, SweepSensitivity.Result s, int top) {
    boolean sobol = s.method().equals("sobol");
    out.println(s.detail() + ". " + s.intervals());
    out.println(sobol
        ? "S1: share of the outcome's variance a parameter explains alone; ST: with its interactions. Ranked by ST."
        : "mu*: mean |change of the outcome| over a whole range of the parameter; sigma: spread of those changes"
            + " (nonlinearity, interactions). Ranked by mu*.");
    for (String o : s.outcomes()) {
      out.println();
      if (s.skipped().containsKey(o)) {
        out.println(o + ": no indices; " + s.skipped().get(o));
        continue;
      }
      List<SensitivityTable.Entry> own = s.entries().stream().filter(e -> e.outcome().equals(o)).toList();
      List<SensitivityTable.Ranked> ranked = SensitivityTable.ranked(own);
      out.println(o + ":");
      if (sobol) {
        out.printf(Locale.ROOT, "  %4s  %-28s %8s  %-19s %8s  %-19s%n", "rank", "parameter", "S1", "95% CI", "ST", "95% CI");
      } else {
        out.printf(Locale.ROOT, "  %4s  %-28s %10s  %-23s %10s %10s%n", "rank", "parameter", "mu*", "95% CI", "sigma", "mu");
      }
      for (int i = 0; i < Math.min(top, ranked.size()); i++) {
        SensitivityTable.Ranked x = ranked.get(i);
        if (sobol) {
          out.printf(Locale.ROOT, "  %4d  %-28s %8s  %-19s %8s  %-19s%n", i + 1, clip(x.parameter()),
              fixed(x.first().value()), ci(x.first(), true), fixed(x.second().value()), ci(x.second(), true));
        } else {
          out.printf(Locale.ROOT, "  %4d  %-28s %10s  %-23s %10s %10s%n", i + 1, clip(x.parameter()),
              EffectsTable.num(x.first().value()), ci(x.first(), false), EffectsTable.num(x.second().value()),
              EffectsTable.num(x.third().value()));
        }
      }
      if (ranked.size() > top) out.println("  ... " + (ranked.size() - top) + " more in sensitivity.csv");
      String noise = SensitivityTable.outsideTheUnitInterval(own);
      if (!noise.isEmpty()) out.println("  " + noise);
    }
  }

  private static String fixed(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
  }

  private static String ci(SensitivityTable.Entry e, boolean sobol) {
    if (Double.isNaN(e.low())) return "-";
    return "[" + (sobol ? fixed(e.low()) : EffectsTable.num(e.low())) + ", "
        + (sobol ? fixed(e.high()) : EffectsTable.num(e.high())) + "]";
  }

  private static String clip(String s) {
    return s.length() <= 28 ? s : s.substring(0, 25) + "...";
  }
}
