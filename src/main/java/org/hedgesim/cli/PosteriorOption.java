package org.hedgesim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.hedgesim.calibration.PosteriorDraws;
import org.hedgesim.experiment.ParameterDraws;
import org.hedgesim.scenario.Scenario;
import org.hedgesim.scenario.ScenarioException;
import picocli.CommandLine.Option;

/**
 * {@code --posterior DIR}, shared by run, compare and sweep (a picocli mixin): each replication
 * draws its parameters from the posterior of a calibration's results folder, so the results hold
 * the uncertainty of the estimates as well as the noise of the runs (docs/ANALYSIS.md, "Runs under
 * a posterior").
 */
final class PosteriorOption {

  @Option(names = "--posterior", paramLabel = "DIR",
      description = "Draw each replication's parameters from the posterior in DIR, the results folder of"
          + " 'hedgesim calibrate' (abc-smc or rejection): parameter uncertainty as well as run-to-run noise.")
  Path dir;

  private PosteriorDraws read;

  boolean given() {
    return dir != null;
  }

  /**
   * The posterior, read once; null when the folder is refused, with its problems printed. Only
   * call when {@link #given()}.
   */
  PosteriorDraws posterior(PrintWriter err) {
    if (read == null) {
      try {
        read = PosteriorDraws.read(dir);
      } catch (ScenarioException e) {
        ScenarioFiles.print(e, err);
        return null;
      }
    }
    return read;
  }

  /**
   * A scenario's replications with their parameters drawn by {@code draws}: checks that the
   * posterior's paths name numbers in the scenario, prints what is worth a warning (prefixed with
   * {@code command}), and binds every draw; null, with the problems printed, when refused.
   *
   * @param file the scenario file as the user named it
   * @param files the scenario's files on disk, its own first
   */
  ParameterDraws.Bound bind(PosteriorDraws posterior, ParameterDraws draws, Scenario s, int replications, String file,
      List<Path> files, String command, PrintWriter err) throws IOException {
    try {
      posterior.check(s, file);
      for (String w : posterior.warnings(file, files)) {
        err.println("hedgesim " + command + ": " + ScenarioFiles.WARNING + w);
      }
      err.flush();
      return draws.bind(s, replications);
    } catch (ScenarioException e) {
      ScenarioFiles.print(e, err);
      return null;
    }
  }

  /** The line the summaries print, or null without {@code --posterior}. */
  static String line(List<ParameterDraws.Bound> drawn) {
    return drawn == null || drawn.isEmpty() ? null : line(drawn.get(0).draws());
  }

  /** The line the summaries print of these draws. */
  static String line(ParameterDraws draws) {
    String s = draws.statement();
    return org.hedgesim.scenario.TerminalText.escape(Character.toUpperCase(s.charAt(0)) + s.substring(1) + ".");
  }
}
