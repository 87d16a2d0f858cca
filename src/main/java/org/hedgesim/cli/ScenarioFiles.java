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
    try {
      return ScenarioLoader.load(file, file.toString());
    } catch (ScenarioException e) {
      print(e, err);
      return null;
    }
  }

  static void print(ScenarioException e, PrintWriter err) {
    for (Problem p : e.problems()) err.println(p);
    int n = e.problems().size();
    err.println(n + (n == 1 ? " problem" : " problems") + " found; nothing was run.");
    err.flush();
  }
}
