package org.hedgesim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.hedgesim.analysis.OutcomeRanges;
import org.hedgesim.experiment.OutcomeSpec;
import org.hedgesim.experiment.Sweep;
import org.hedgesim.experiment.SweepParameter;

/** The lines printed after a sweep: for each outcome, its lowest and highest mean over the points. */
final class SweepOverview {

  private SweepOverview() {}

  static void print(PrintWriter out, Path summary, Sweep sweep) throws IOException {
    out.printf(Locale.ROOT, "%n%-32s %24s %24s%n", "outcome (mean over replications)", "lowest point", "highest point");
    for (OutcomeRanges.Range r : OutcomeRanges.read(summary,
        sweep.parameters().stream().map(SweepParameter::name).toList(),
        sweep.outcomes().stream().map(OutcomeSpec::name).toList())) {
      if (!r.hasValue()) {
        out.printf(Locale.ROOT, "  %-30s %24s %24s%n", r.outcome(), "no value", "no value");
      } else {
        out.printf(Locale.ROOT, "  %-30s %24s %24s%n", r.outcome(),
            String.format(Locale.ROOT, "%.3f (point %d)", r.low(), r.lowPoint()),
            String.format(Locale.ROOT, "%.3f (point %d)", r.high(), r.highPoint()));
      }
    }
    out.println("Per point: summary.csv; the values of each point: design.csv; every run: runs.csv.");
  }
}
