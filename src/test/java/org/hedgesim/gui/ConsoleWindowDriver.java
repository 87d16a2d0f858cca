package org.hedgesim.gui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.hedgesim.Fixtures;
import org.hedgesim.cli.Hedgesim;
import org.hedgesim.experiment.Replication;
import org.hedgesim.experiment.Seeds;
import org.hedgesim.scenario.Scenario;
import sim.display.Console;

/**
 * The program {@link ConsoleWindowTest} runs in a JVM of its own, on a virtual display: first the
 * command {@code hedgesim gui SCENARIO --steps 12 --snapshot FILE}, then the Console driven as a
 * class would drive it (Play to a step, Play to the end, change a value in the Model tab, Stop and
 * Play again), checking at each stage that the numbers are those of a headless run. Prints
 * "DRIVER OK" when all is well; exits with 1 (and the reason) otherwise.
 */
public final class ConsoleWindowDriver {
  private ConsoleWindowDriver() {}

  public static void main(String[] args) throws Exception {
    int code;
    try {
      run(Path.of(args[0]), Path.of(args[1]));
      System.out.println("DRIVER OK");
      code = 0;
    } catch (Throwable t) {
      t.printStackTrace(System.out);
      code = 1;
    }
    System.out.flush();
    // this is a program of its own: end it even if a Swing thread lingers
    System.exit(code);
  }

  private static void run(Path scenarioFile, Path out) throws Exception {
    Files.createDirectories(out);
    Path png = out.resolve("snapshot.png");
    int exit = Hedgesim.commandLine().execute("gui", scenarioFile.toString(), "--steps", "12",
        "--snapshot", png.toString());
    check(exit == 0, "hedgesim gui --snapshot exit code " + exit);
    lap("hedgesim gui --snapshot");
    check(Files.size(png) > 10_000, "snapshot written");

    Scenario s = org.hedgesim.scenario.ScenarioLoader.load(scenarioFile);
    int seed = (int) s.seed();
    Classroom room = Classroom.open(s, seed, 0);
    lap("Console opened");
    try {
      Replication headless = Replication.run(s, 0, Seeds.derive(seed, 0, 0));
      room.runSteps(12, 60_000);
      check(room.console().getPlayState() == Console.PS_PAUSED, "paused at step 12");
      same(headless, room.gui().recorder().history(), 12, "Play to step 12");
      room.runSteps(s.steps() + 10, 60_000);
      check(room.console().getPlayState() == Console.PS_STOPPED, "stopped at the end date");
      same(headless, room.gui().recorder().history(), s.steps(), "Play to the end");
      lap("Play to step 12, then to the end");

      // the Model tab: a change, then Play again from the start with the same seed
      Knob nationalism = room.gui().knobs().find("KHM nationalism");
      check(nationalism != null && nationalism.set(0.9), "nationalism knob");
      room.runSteps(s.steps(), 60_000);
      Scenario variant = Fixtures.variant(out, scenarioFile.getFileName().toString(), "nationalist",
          "actors:\n  - id: KHM\n    nationalism: 0.9\n");
      same(Replication.run(variant, 0, Seeds.derive(seed, 0, 0)), room.gui().recorder().history(), s.steps(),
          "Play again after a change in the Model tab");
      lap("Play again after a change");
    } finally {
      room.close();
    }
  }

  private static long last = System.nanoTime();

  private static void lap(String what) {
    long now = System.nanoTime();
    System.out.printf("%-40s %5.1f s%n", what, (now - last) / 1e9);
    last = now;
  }

  private static void same(Replication expected, List<double[]> rows, int steps, String what) {
    check(rows.size() == steps, what + ": " + rows.size() + " steps recorded, expected " + steps);
    for (int i = 0; i < steps; i++) {
      check(Arrays.equals(expected.values()[i], rows.get(i)), what + ": step " + i + " differs from the headless run");
    }
  }

  private static void check(boolean ok, String what) {
    if (!ok) throw new AssertionError(what);
  }
}
