package org.hedgesim.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Option;

/**
 * {@code --progress} and {@code --progress-every}, for every command that runs many simulations: a
 * bar on a terminal, lines otherwise, always on the standard error. For the commands that write
 * their folder at the end (run, compare, explain; {@link #display(PrintWriter, String, String,
 * long)}), off a terminal, unless lines are asked for, work that ends before its first line is due
 * prints none, so that scripts calling a quick run see the standard error they saw before; the
 * long ones (sweep, sensitivity, robust, calibrate; {@link #display(PrintWriter, String, String)})
 * always show it.
 */
final class ProgressOptions {

  @Option(names = "--progress", paramLabel = "MODE",
      description = "bar, lines or none (default: a bar on a terminal, lines otherwise).")
  SweepBase.ProgressMode mode = SweepBase.ProgressMode.AUTO;

  @Option(names = "--progress-every", paramLabel = "SECONDS", defaultValue = "10",
      description = "Seconds between progress lines, 1 to " + SweepBase.MAX_PROGRESS_SECONDS + " (default: ${DEFAULT-VALUE}).")
  long seconds;

  /** A problem with these options, or null. */
  String problem() {
    if (seconds < 1 || seconds > SweepBase.MAX_PROGRESS_SECONDS) {
      return "--progress-every must be between 1 and " + SweepBase.MAX_PROGRESS_SECONDS + " seconds, found " + seconds;
    }
    return null;
  }

  /** The display of a long command's work, counted in {@code unit}. */
  org.hedgesim.experiment.SweepProgress display(PrintWriter err, String name, String unit) {
    return SweepBase.progress(mode, err, name, seconds, unit);
  }

  /** The display of {@code total} pieces of work counted in {@code unit}; none for a single one. */
  Tally display(PrintWriter err, String name, String unit, long total) {
    if (total <= 1) return new Tally(org.hedgesim.experiment.SweepProgress.NONE);
    return new Tally(SweepBase.progress(mode, err, name, seconds, unit, true));
  }
}
