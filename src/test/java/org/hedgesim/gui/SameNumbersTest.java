package org.hedgesim.gui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hedgesim.Fixtures;
import org.hedgesim.experiment.Replication;
import org.hedgesim.experiment.ScenarioRun;
import org.hedgesim.experiment.Seeds;
import org.hedgesim.model.EventRecord;
import org.hedgesim.model.HedgeWorld;
import org.hedgesim.model.SeriesKey;
import org.hedgesim.output.CsvTable;
import org.hedgesim.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Same engine, same numbers: the GUI state, started and stepped as MASON's Console does it
 * (setSeed with the Console's seed, start, step, finish; no display needed), records the same
 * values and events as {@code hedgesim run} with that seed, byte for byte in the documented CSV
 * format; Stop and Play again reproduce the run; and a change in the Model tab gives the numbers of
 * the same change made in a scenario file.
 */
class SameNumbersTest {

  @TempDir
  Path dir;

  private static final String SCENARIO = "clv-dta-exit.yaml";

  /** Starts and steps the GUI state as the Console does on Play, for {@code steps} steps. */
  static void play(HedgeWorldWithUI gui, long consoleSeed, int steps) {
    gui.state.setSeed(consoleSeed);
    gui.start();
    for (int i = 0; i < steps; i++) gui.step();
  }

  /** Writes what the GUI recorded as {@code hedgesim run} writes one replication. */
  private static void writeLikeRun(HedgeWorldWithUI gui, Path folder) throws IOException {
    Files.createDirectories(folder);
    Scenario s = gui.world().scenario();
    Recorder r = gui.recorder();
    String seed = Long.toString(gui.world().runSeed());
    try (CsvTable ts = CsvTable.create(folder.resolve("timeseries.csv"), ScenarioRun.TIMESERIES_HEADER)) {
      List<double[]> rows = r.history();
      List<SeriesKey> keys = r.series();
      for (int step = 0; step < rows.size(); step++) {
        for (int i = 0; i < keys.size(); i++) {
          SeriesKey k = keys.get(i);
          ts.row(s.name(), 0, seed, step, s.dateOf(step).toString(), k.metric(), k.actor(), k.target(),
              rows.get(step)[i]);
        }
      }
    }
    try (CsvTable ev = CsvTable.create(folder.resolve("events.csv"), ScenarioRun.EVENTS_HEADER)) {
      for (EventRecord e : r.events()) {
        ev.row(s.name(), 0, seed, e.step(), e.date(), e.kind(), e.actor(), e.target(), e.value(),
            e.origin(), e.detail());
      }
    }
  }

  private Path headlessRun(String name, Path file, long seed) {
    Path out = dir.resolve(name);
    CommandLine cl = org.hedgesim.cli.Hedgesim.commandLine();
    cl.setOut(new java.io.PrintWriter(new java.io.StringWriter()));
    int code = cl.execute("run", file.toString(), "--seed", Long.toString(seed), "--out", out.toString());
    assertEquals(0, code, "hedgesim run");
    return out;
  }

  private static void assertSameBytes(Path expected, Path actual, String file) throws IOException {
    String a = Files.readString(expected.resolve(file));
    String b = Files.readString(actual.resolve(file));
    assertEquals(a.lines().count(), b.lines().count(), file + ": rows");
    assertArrayEquals(Files.readAllBytes(expected.resolve(file)), Files.readAllBytes(actual.resolve(file)), file);
  }

  // ------------------------------------------------------------------ same seed, same bytes

  @Test
  void guiRun_sameSeedAsRunCommand_timeseriesAndEventsByteIdentical() throws IOException {
    Scenario s = Fixtures.scenario(SCENARIO);
    long seed = 7;
    Path headless = headlessRun("headless", Fixtures.scenarioFile(SCENARIO), seed);

    HedgeWorldWithUI gui = new HedgeWorldWithUI(new HedgeWorld(s.seed(), s));
    play(gui, seed, s.steps());
    gui.finish();
    assertEquals(s.steps(), gui.recorder().steps());
    assertEquals(Seeds.derive(seed, 0, 0), gui.world().runSeed(), "the run command's seed for replication 0");
    writeLikeRun(gui, dir.resolve("gui"));

    assertSameBytes(headless, dir.resolve("gui"), "timeseries.csv");
    assertSameBytes(headless, dir.resolve("gui"), "events.csv");
    assertTrue(gui.recorder().events().stream().anyMatch(e -> e.kind().equals("exit")), "the scripted exit is in the run");
  }

  @Test
  void guiRun_firstNSteps_equalHeadlessValuesBitForBit() {
    Scenario s = Fixtures.scenario(SCENARIO);
    int n = 30;
    HedgeWorldWithUI gui = new HedgeWorldWithUI(new HedgeWorld(s.seed(), s));
    play(gui, s.seed(), n);
    Replication headless = Fixtures.run(s, 1).get(0);
    assertEquals(headless.series(), gui.recorder().series());
    List<double[]> rows = gui.recorder().history();
    assertEquals(n, rows.size());
    for (int step = 0; step < n; step++) {
      assertArrayEquals(headless.values()[step], rows.get(step), "step " + step);
    }
    gui.finish();
  }

  @Test
  void guiRun_stopAndPlayAgain_sameRun() {
    Scenario s = Fixtures.scenario(SCENARIO);
    HedgeWorldWithUI gui = new HedgeWorldWithUI(new HedgeWorld(s.seed(), s));
    play(gui, 11, 40);
    gui.finish();
    play(gui, 11, s.steps());
    gui.finish();
    Replication headless = Replication.run(s, 0, Seeds.derive(11, 0, 0));
    List<double[]> rows = gui.recorder().history();
    assertEquals(s.steps(), rows.size(), "the second run starts over");
    for (int step = 0; step < s.steps(); step++) assertArrayEquals(headless.values()[step], rows.get(step));
    assertEquals(headless.events(), gui.recorder().events());
  }

  // ------------------------------------------------------------------ the Model tab

  @Test
  void modelTab_changedValues_sameNumbersAsTheSameChangeInAScenarioFile() {
    Scenario s = Fixtures.scenario(SCENARIO);
    HedgeWorldWithUI gui = new HedgeWorldWithUI(new HedgeWorld(s.seed(), s));
    // as the inspector does when a slider moves or a menu item is picked: a string for the property
    set(gui, Knobs.STATES, "KHM nationalism", "0.9");
    set(gui, Knobs.STATES, "LAO strategy", "1"); // bandwagoner
    set(gui, Knobs.POWERS, "USA doctrine", "0"); // positive
    set(gui, Knobs.STATES, "KHM risk aversion", "0.5");
    set(gui, Knobs.STATES, "KHM commitment cost", "0.3");
    set(gui, Knobs.POWERS, "JPN budget", "1.5");
    set(gui, Knobs.POWERS, "CHN-USA rivalry", "0.4");
    set(gui, Knobs.MODEL, "exit_threshold", "0.15");
    play(gui, s.seed(), s.steps());
    gui.finish();

    Scenario variant = Fixtures.variant(dir, SCENARIO, "edited", """
        actors:
          - id: KHM
            nationalism: 0.9
            risk_aversion: 0.5
            commitment_cost: 0.3
          - id: LAO
            strategy: bandwagoner
          - id: USA
            approach: positive
          - id: JPN
            inducements: {budget: 1.5}
        relations:
          - {between: [USA, CHN], rivalry: 0.4}
        parameters:
          exit_threshold: 0.15
        """);
    Replication headless = Replication.run(variant, 0, Seeds.derive(s.seed(), 0, 0));
    Replication unchanged = Fixtures.run(s, 1).get(0);
    List<double[]> rows = gui.recorder().history();
    for (int step = 0; step < s.steps(); step++) assertArrayEquals(headless.values()[step], rows.get(step));
    assertEquals(headless.events(), gui.recorder().events());
    assertFalse(java.util.Arrays.deepEquals(unchanged.values(), headless.values()), "the edits change the run");
  }

  @Test
  void modelTab_scriptedEventUnticked_runGoesOnWithoutIt() {
    Scenario s = Fixtures.scenario(SCENARIO);
    HedgeWorldWithUI gui = new HedgeWorldWithUI(new HedgeWorld(s.seed(), s));
    Knob exit = gui.knobs().group(Knobs.EVENTS).stream().filter(k -> k.name.startsWith("clv-dta-exit"))
        .findFirst().orElseThrow();
    assertTrue(exit.set(false));
    play(gui, s.seed(), s.steps());
    gui.finish();
    assertTrue(gui.recorder().events().stream().noneMatch(e -> e.kind().equals("exit") && e.origin().equals("scripted")));
  }

  @Test
  void modelTab_valuesOutOfRangeOrOfTheWrongKind_ignored() {
    Scenario s = Fixtures.scenario(SCENARIO);
    HedgeWorldWithUI gui = new HedgeWorldWithUI(new HedgeWorld(s.seed(), s));
    Knob nationalism = gui.knobs().find("KHM nationalism");
    Knob approach = gui.knobs().find("USA doctrine");
    assertFalse(nationalism.set(1.5));
    assertFalse(nationalism.set(Double.NaN));
    assertFalse(nationalism.set("high"));
    assertFalse(approach.set(9));
    assertFalse(approach.set(1.5));
    assertEquals(0.5, nationalism.number());
    assertEquals("negative", approach.chosen());
    assertEquals(s, gui.knobs().apply(), "nothing changed: the scenario itself");
    set(gui, Knobs.STATES, "KHM nationalism", "-3");
    assertEquals(0.5, nationalism.number());
  }

  @Test
  void modelTab_listsTheScenariosStatesPowersParametersAndEvents() {
    Scenario s = Fixtures.scenario("as-it-happened-2024.yaml");
    Knobs knobs = new Knobs(s);
    for (String id : List.of("KHM", "LAO")) {
      for (String k : List.of("nationalism", "neutrality", "strategy", "risk aversion", "commitment cost",
          "tolerance", "inertia")) {
        assertTrue(knobs.find(id + " " + k) != null, id + " " + k);
      }
    }
    for (String id : s.poles()) {
      for (String k : List.of("doctrine", "budget", "max coercion")) assertTrue(knobs.find(id + " " + k) != null, id + " " + k);
    }
    assertEquals(0.8, knobs.find("CHN-USA rivalry").number(), "the rivalry the scenario gives");
    assertEquals(0.0, knobs.find("USA-JPN rivalry").number(), "no rivalry where the scenario gives none");
    assertTrue(knobs.find("uncertainty_weight") != null);
    assertTrue(knobs.find("clv-dta-exit (2024-09)") != null);
    assertTrue(knobs.find("china-visits per year") != null);
    assertTrue(knobs.group(Knobs.EVENTS).stream().anyMatch(k -> k.name.contains("project funan-techo")));
    // every number has a slider range around the scenario's value
    for (Knob k : knobs.all()) {
      if (k.kind == Knob.Kind.NUMBER) {
        assertTrue(k.min <= k.number() && k.number() <= k.max && k.min < k.max, k.name);
      }
    }
  }

  @Test
  void nowTab_showsTheValuesOfTheCurrentStep() {
    Scenario s = Fixtures.scenario(SCENARIO);
    HedgeWorldWithUI gui = new HedgeWorldWithUI(new HedgeWorld(s.seed(), s));
    Readings now = new Readings(s, gui.recorder());
    play(gui, s.seed(), 10);
    Replication headless = Fixtures.run(s, 1).get(0);
    int checked = 0;
    for (int i = 0; i < now.numProperties(); i++) {
      String[] w = now.getName(i).split(" ");
      String metric = now.getName(i).contains(" alignment to ") ? "alignment"
          : now.getName(i).contains(" dependence on ") ? "dependence"
          : now.getName(i).contains(" trust in ") ? "trust" : null;
      if (metric == null) continue;
      assertEquals(Fixtures.value(headless, metric, w[0], w[w.length - 1], 9), (Double) now.getValue(i), now.getName(i));
      checked++;
    }
    assertTrue(checked >= 30, "alignment, dependence and trust toward every pole: " + checked);
    gui.finish();
  }

  private static void set(HedgeWorldWithUI gui, String group, String name, String value) {
    KnobProperties p = new KnobProperties(gui.knobs().group(group));
    for (int i = 0; i < p.numProperties(); i++) {
      if (p.getName(i).equals(name)) {
        p.setValue(i, value);
        return;
      }
    }
    throw new AssertionError("no knob " + name + " in " + group);
  }
}
