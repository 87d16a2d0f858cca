package org.hedgesim.cli;

import java.awt.AWTError;
import java.awt.GraphicsEnvironment;
import java.awt.HeadlessException;
import java.awt.Rectangle;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.hedgesim.gui.Classroom;
import org.hedgesim.scenario.Scenario;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hedgesim gui SCENARIO}: MASON's Console on a scenario, for a classroom. */
@Command(name = "gui", mixinStandardHelpOptions = true, sortOptions = false,
    header = "Open the classroom window on a scenario.",
    description = {"Open MASON's Console on a scenario: a map of the states, their ties and their",
        "alignment, live charts, and the scenario's key values (Model tab) to change and run again.",
        "Needs a display; on a machine without one use 'hedgesim run'."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the Console was closed (or the snapshot was saved)",
        "1:no display, or a run-time failure", "2:bad input (usage, scenario file)"})
final class GuiCommand implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario file (YAML).")
  Path scenarioFile;

  @Option(names = "--seed", paramLabel = "N",
      description = "Seed, as 'hedgesim run --seed' takes it (default: the scenario's); "
          + "the same seed gives the same numbers as 'hedgesim run'.")
  Long seed;

  @Option(names = "--delay", paramLabel = "MS", defaultValue = "150",
      description = "Pause between two steps while playing, in milliseconds (default: ${DEFAULT-VALUE}).")
  long delay;

  @Option(names = "--snapshot", paramLabel = "FILE",
      description = "Run --steps steps, save a PNG picture of the windows to FILE, and close.")
  Path snapshot;

  @Option(names = "--steps", paramLabel = "N", defaultValue = "24",
      description = "Steps to run before --snapshot (default: ${DEFAULT-VALUE}).")
  long steps;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Scenario s = ScenarioFiles.load(scenarioFile, err);
    if (s == null) return ExitCodes.BAD_INPUT;
    long master = seed != null ? seed : s.seed();
    if (master != (int) master) {
      err.println("hedgesim gui: seed " + master + " does not fit MASON's Console, which keeps 32 bits;"
          + " give --seed between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE);
      err.flush();
      return ExitCodes.BAD_INPUT;
    }
    if (delay < 0 || steps < 1) {
      err.println("hedgesim gui: --delay must be 0 or more and --steps at least 1");
      err.flush();
      return ExitCodes.BAD_INPUT;
    }
    Classroom room;
    try {
      if (GraphicsEnvironment.isHeadless()) throw new HeadlessException();
      room = Classroom.open(s.withSeed(master), (int) master, delay);
    } catch (HeadlessException | AWTError e) {
      return noDisplay(err, null);
    } catch (UnsatisfiedLinkError e) {
      return noDisplay(err, "this Java has no window support (a headless JDK?)");
    }
    if (snapshot != null) {
      try {
        room.showModelTab();
        room.runSteps(Math.min(steps, s.steps()), 120_000);
        Rectangle r = room.snapshot(snapshot);
        out.printf("Saved %s (%d x %d pixels) at %s, step %d of %d%n", snapshot, r.width, r.height,
            room.gui().world().date(), room.gui().recorder().steps(), s.steps());
        out.flush();
      } catch (IOException e) {
        err.println("hedgesim gui: " + e.getMessage());
        err.flush();
        return ExitCodes.FAILURE;
      } finally {
        room.close();
      }
      return ExitCodes.OK;
    }
    out.println("hedgesim gui: " + s.name() + " is open; press Play in the Console. Close the Console to quit.");
    out.flush();
    room.awaitClosed();
    return ExitCodes.OK;
  }

  private int noDisplay(PrintWriter err, String reason) {
    String display = System.getenv("DISPLAY");
    String why = reason != null ? reason
        : display == null || display.isBlank() ? "DISPLAY is not set"
        : Boolean.getBoolean("java.awt.headless") ? "Java runs headless (java.awt.headless=true)"
        : "cannot connect to the X server at DISPLAY=" + display;
    String f = scenarioFile.toString();
    err.println("hedgesim gui: no display available (" + why + ").");
    err.println("The classroom GUI needs a screen. Without one, use the headless commands:");
    err.printf("  hedgesim run %s             runs it, prints a summary, writes results/%n", f);
    err.printf("  hedgesim run %s --seed N    the numbers the GUI shows with seed N%n", f);
    err.println("  hedgesim list                 the metrics and the parameters");
    err.println("or give the GUI a virtual screen: xvfb-run -a ./hedgesim gui " + f);
    err.flush();
    return ExitCodes.FAILURE;
  }
}
