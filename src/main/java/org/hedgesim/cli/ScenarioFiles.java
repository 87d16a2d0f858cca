package org.hedgesim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.hedgesim.scenario.Problem;
import org.hedgesim.scenario.Scenario;
import org.hedgesim.scenario.ScenarioException;
import org.hedgesim.scenario.ScenarioLoader;

/** Loading scenario files for a command, with problems printed one per line. */
final class ScenarioFiles {
  private ScenarioFiles() {}

  /** Loads a scenario, or prints its problems to {@code err} and returns null. */
  static Scenario load(Path file, PrintWriter err) {
    return load(file, err, false);
  }

  /**
   * Loads a scenario and prints its warnings to {@code err}, each line starting "warning: ";
   * with {@code strict} the warnings are problems. Returns null, with the problems printed, when
   * the file is refused.
   */
  static Scenario load(Path file, PrintWriter err, boolean strict) {
    try {
      ScenarioLoader.Loaded loaded = ScenarioLoader.loadChecked(file, file.toString(), strict);
      printWarnings(loaded.warnings(), err);
      return loaded.scenario();
    } catch (ScenarioException e) {
      print(e, err);
      return null;
    }
  }

  /** Prints warnings one per line, each starting "warning: ". */
  static void printWarnings(java.util.List<Problem> warnings, PrintWriter err) {
    for (Problem w : warnings) err.println(WARNING + w);
    err.flush();
  }

  /** How a warning line starts. */
  static final String WARNING = "warning: ";

  /**
   * The scenario's files on disk (its own file first, then the files it extends), for the
   * manifest's hashes; the loader records them relative to the folder it was given.
   */
  static java.util.List<Path> paths(Path scenarioFile, Scenario s) {
    Path base = scenarioFile.toAbsolutePath().getParent();
    Path first = Path.of(s.files().get(0));
    Path firstDir = first.getParent();
    return s.files().stream().map(f -> {
      Path p = Path.of(f);
      Path rel = firstDir == null ? p : firstDir.relativize(p);
      return base.resolve(rel).normalize();
    }).toList();
  }

  /** The environment variable that raises the size limit of scenario files (YamlReader.LIMIT_MB). */
  static final String LIMIT_VARIABLE = org.hedgesim.scenario.YamlReader.LIMIT_VARIABLE;

  /**
   * What is wrong with a value of {@value #LIMIT_VARIABLE}, or null when it is unset, blank or a
   * whole number of MiB from 1 to 1024 (spaces around it allowed). A wrong value is refused rather
   * than read as the default, so that a typo does not leave a large file refused for no clear reason.
   */
  static String limitProblem(String value) {
    return org.hedgesim.scenario.YamlReader.limitProblem(value);
  }

  static void print(ScenarioException e, PrintWriter err) {
    for (Problem p : e.problems()) err.println(p);
    int n = e.problems().size();
    err.println(n + (n == 1 ? " problem" : " problems") + " found; nothing was run.");
    err.flush();
  }
}
