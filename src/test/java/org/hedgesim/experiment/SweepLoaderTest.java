package org.hedgesim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hedgesim.Fixtures;
import org.hedgesim.scenario.Problem;
import org.hedgesim.scenario.ScenarioException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Sweep files are read with the scenario's rigour: every problem, with file, line, column and key. */
class SweepLoaderTest {

  @TempDir
  Path dir;

  private static final String PARAMETERS = """
      parameters:
        - path: actors[KHM].nationalism
          min: 0.3
          max: 0.9
      """;
  private static final String OUTCOMES = """
      outcomes:
        - metric: exit
          actor: KHM
          target: CLV-DTA
          reduce: occurred
      """;

  /** A sweep of the baseline: lines 1-6 are the head, then the given sections. */
  private Path sweep(String design, String parameters, String outcomes) throws IOException {
    Path f = dir.resolve("s.yaml");
    Files.writeString(f, "sweep: s\nscenario: " + Fixtures.scenarioFile("baseline-2024.yaml")
        + "\nreplications: 2\n" + design + parameters + outcomes);
    return f;
  }

  private List<String> problems(Path f) {
    ScenarioException e = assertThrows(ScenarioException.class, () -> SweepLoader.load(f, f.toString()));
    return e.problems().stream().map(Problem::toString).toList();
  }

  private String grid() {
    return "design:\n  kind: grid\n  points: 3\n";
  }

  /**
   * A bound outside the plausible range (growth up to 0.3 a year, plausible to 0.15) is a warning
   * at that bound, naming the swept path; a bound inside it and the base scenario give none.
   */
  @Test
  void aSweptBoundOutsideThePlausibleRange_isAWarningAtThatBound() throws Exception {
    Path f = sweep(grid(), "parameters:\n  - path: actors[KHM].growth\n    min: 0.02\n    max: 0.3\n", OUTCOMES);
    Sweep s = SweepLoader.load(f, f.toString());
    assertEquals(1, s.warnings().size(), s.warnings().toString());
    String w = s.warnings().get(0).toString();
    assertTrue(w.startsWith(f + ":10:10: actors[KHM].growth: 0.3 is outside the plausible range"), w);
    assertTrue(w.contains("outside the plausible range") && w.endsWith("(a value the sweep sets)"), w);
    assertEquals(List.of(), SweepLoader.load(sweep(grid(), PARAMETERS, OUTCOMES), "t").warnings());
  }

  @Test
  void goodSweep_loadsWithItsDesign() throws Exception {
    Path f = sweep(grid(), PARAMETERS + "  - path: actors[USA].approach\n    levels: [negative, positive]\n", OUTCOMES);
    Sweep s = SweepLoader.load(f, f.toString());
    assertEquals(6, s.pointCount());
    assertEquals(12, s.runs());
    assertEquals(List.of("0.3", "negative"), List.of(s.value(0, 0), s.value(0, 1)));
    assertEquals(List.of("0.9", "positive"), List.of(s.value(5, 0), s.value(5, 1)));
    assertEquals("exit_KHM_CLV-DTA_occurred", s.outcomes().get(0).name());
    assertEquals(s.baseScenario().seed(), s.seed(), "the master seed defaults to the scenario's");
    assertEquals(0.9, s.scenario(5).actor("KHM").nationalism());
  }

  @Test
  void seeds_counterBasedAndCommonRandomNumbers() throws Exception {
    Path f = sweep(grid(), PARAMETERS, OUTCOMES);
    Sweep s = SweepLoader.load(f, f.toString());
    assertEquals(Seeds.derive(s.seed(), 2, 1), s.seedOf(2 * 2 + 1));
    Files.writeString(f, Files.readString(f) + "common_random_numbers: true\n");
    Sweep crn = SweepLoader.load(f, f.toString());
    assertEquals(Seeds.derive(s.seed(), 0, 1), crn.seedOf(2 * 2 + 1));
    assertEquals(crn.seedOf(1), crn.seedOf(2 * 2 + 1), "replication 1 of points 0 and 2 share a seed");
  }

  @Test
  void samplingSeed_fromTheMasterSeedOrTheDesign() throws Exception {
    String lhs = "seed: 5\ndesign:\n  kind: lhs\n  samples: 8\n";
    Path f = sweep(lhs, PARAMETERS, OUTCOMES);
    Sweep a = SweepLoader.load(f, f.toString());
    assertEquals(Seeds.derive(5, -1, 0), a.samplingSeed());
    Sweep again = SweepLoader.load(f, f.toString());
    assertTrue(java.util.Arrays.deepEquals(a.points().units(), again.points().units()), "never the clock");
    Files.writeString(f, Files.readString(f).replace("seed: 5", "seed: 6"));
    Sweep b = SweepLoader.load(f, f.toString());
    assertTrue(!java.util.Arrays.deepEquals(a.points().units(), b.points().units()), "another seed, another sample");
    Files.writeString(f, Files.readString(f).replace("  samples: 8", "  samples: 8\n  seed: 77"));
    assertEquals(77, SweepLoader.load(f, f.toString()).samplingSeed());
  }

  // The sweep written by sweep(): lines 1-3 are the head, the design follows (a grid: lines 4-6),
  // then the parameters (PARAMETERS: lines 7-10), then the outcomes (OUTCOMES: line 11 on).

  static Stream<Arguments> badDesigns() {
    return Stream.of(
        arguments("misspelt key", "design:\n  kind: grid\n  points: 3\nreplicatons: 3\n",
            ":7:1: replicatons: unknown key 'replicatons' (did you mean 'replications'?)"),
        arguments("design kind", "design:\n  kind: gird\n",
            ":5:9: design.kind: expected one of grid | random | lhs | sobol | morris | saltelli, found 'gird' (did you mean 'grid'?)"),
        arguments("key of another design", "design:\n  kind: lhs\n  samples: 10\n  points: 3\n",
            ":7:3: design.points: unknown key 'points'"),
        arguments("odd Morris levels", "design:\n  kind: morris\n  trajectories: 5\n  levels: 5\n",
            ":7:11: design.levels: Morris levels must be even"),
        arguments("samples not a number", "design:\n  kind: sobol\n  samples: many\n",
            ":6:12: design.samples: expected a whole number from 1 to 10000000, found 'many'"),
        arguments("grid without points", "design:\n  kind: grid\n",
            ":5:3: design.points: missing key 'points'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badDesigns")
  void badDesign_preciseMessage(String what, String design, String expected) throws IOException {
    Path f = sweep(design, PARAMETERS, OUTCOMES);
    List<String> p = problems(f);
    assertTrue(p.stream().anyMatch(m -> m.startsWith(f + expected)), what + ": " + p);
  }

  @Test
  void misspeltDesignKind_noFalseProblemsForTheKeysOfTheIntendedKind() throws IOException {
    Path f = sweep("design: {kind: sobl, samples: 7, smaples: 3}\n", PARAMETERS, OUTCOMES);
    List<String> p = problems(f);
    assertEquals(2, p.size(), p.toString());
    assertTrue(p.get(0).contains("design.kind: expected one of") && p.get(0).contains("(did you mean 'sobol'?)"), p.get(0));
    assertTrue(p.get(1).contains("design.smaples: unknown key 'smaples' (did you mean 'samples'?)"), p.get(1));
  }

  /** Each key of an outcome is checked on its own: a bad reduce does not hide a bad target or actor. */
  @Test
  void outcome_everyBadKeyReported() throws IOException {
    Path f = sweep(grid(), PARAMETERS, """
        outcomes:
          - {metric: alignment, actor: KHM, target: USS, reduce: fianl}
          - {metric: exit, actor: KMH, target: CLV-DTA, reduce: final}
        """);
    List<String> p = problems(f);
    assertEquals(4, p.size(), p.toString());
    assertTrue(p.get(0).contains("outcomes[0].target: no series alignment[KHM,USS] (did you mean 'USA'?)"), p.toString());
    assertTrue(p.get(1).contains("outcomes[0].reduce: expected one of final"), p.toString());
    assertTrue(p.get(2).contains("outcomes[1].actor: no actor, framework or project with id 'KMH' (did you mean 'KHM'?)"),
        p.toString());
    assertTrue(p.get(3).contains("outcomes[1].reduce: 'exit' is an event"), p.toString());
  }

  static Stream<Arguments> badParameters() {
    return Stream.of(
        arguments("unknown actor", "  - path: actors[KMH].nationalism\n    min: 0.3\n    max: 0.9\n",
            ":8:11: parameters[0].path: 'actors' has no entry 'KMH' (did you mean 'KHM'?)"),
        arguments("misspelt key in an entry", "  - path: actors[KHM].natonalism\n    min: 0.3\n    max: 0.9\n",
            ":9:10: actors[KHM].natonalism: unknown key 'natonalism' (did you mean 'nationalism'?)"),
        arguments("misspelt parameter", "  - path: parameters.alignment_nois\n    min: 0.01\n    max: 0.02\n",
            ":8:11: parameters[0].path: no key 'alignment_nois' in 'parameters' (did you mean 'alignment_noise'?)"),
        arguments("max out of range", "  - path: actors[KHM].nationalism\n    min: 0.3\n    max: 1.2\n",
            ":10:10: actors[KHM].nationalism: expected a share between 0 and 1, found 1.2"),
        arguments("bad level", "  - path: actors[USA].approach\n    levels: [negative, negatve]\n",
            ":9:24: actors[USA].approach: expected one of positive | negative | mixed | none, found 'negatve' (did you mean 'negative'?)"),
        arguments("month level outside the dates", "  - path: events[0].at\n    levels: [2024-06, 2040-01]\n",
            ":9:23: events[0].at: 2040-01 is outside the scenario's dates (2024-01 to 2034-12)"),
        arguments("min above max", "  - path: actors[KHM].nationalism\n    min: 0.9\n    max: 0.3\n",
            ":10:10: parameters[0].max: max (0.3) must be larger than min (0.9)"),
        arguments("log from zero", "  - path: actors[KHM].nationalism\n    min: 0\n    max: 0.5\n    scale: log\n",
            ":9:10: parameters[0].min: a log scale needs min > 0, found 0"),
        arguments("range and levels", "  - path: actors[KHM].nationalism\n    min: 0.1\n    max: 0.5\n    levels: [0.2]\n",
            ":11:13: parameters[0].levels: a parameter has either a range (min, max) or levels, not both"),
        arguments("no values", "  - path: actors[KHM].nationalism\n",
            ":8:5: parameters[0].min: missing the values"),
        arguments("malformed path", "  - path: actors[KHM]\n    min: 0.1\n    max: 0.5\n",
            ":8:11: parameters[0].path: a path ends with the key of a value"),
        arguments("same value twice", "  - path: relations[KHM,VNM].trust\n    min: 0.1\n    max: 0.5\n"
            + "  - path: relations[VNM,KHM].trust\n    levels: [0.2]\n",
            ":11:11: parameters[1].path: the sweep already varies this value (relations[KHM,VNM].trust, at "),
        arguments("whole range of fractions", "  - path: parameters.review_patience_months\n    min: 1.5\n    max: 9\n    integer: true\n",
            ":9:10: parameters[0].min: integer: true needs whole numbers for min and max"),
        arguments("a value that removes an outcome's series", "  - path: actors[LAO].role\n    levels: [small, great]\n",
            ":9:21: actors[LAO].role: with this value the scenario records no series exit_pressure[LAO,CLV-DTA]"),
        arguments("scale on levels", "  - path: actors[KHM].nationalism\n    levels: [0.2, 0.4]\n    scale: log\n",
            ":10:12: parameters[0].scale: scale applies to a range (min, max), not to levels"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badParameters")
  void badParameter_preciseMessage(String what, String parameters, String expected) throws IOException {
    Path f = sweep(grid(), "parameters:\n" + parameters,
        OUTCOMES + "  - {metric: exit_pressure, actor: LAO, target: CLV-DTA, reduce: max}\n");
    List<String> p = problems(f);
    assertTrue(p.stream().anyMatch(m -> m.startsWith(f + expected)), what + ": " + p);
  }

  static Stream<Arguments> badOutcomes() {
    return Stream.of(
        arguments("misspelt metric", "  - {metric: alignmnt, actor: KHM, target: USA, reduce: final}",
            ":12:14: outcomes[0].metric: no series or event kind 'alignmnt' (did you mean 'alignment'?)"),
        arguments("event reduced as a series", "  - {metric: exit, actor: KHM, target: CLV-DTA, reduce: final}",
            ":12:57: outcomes[0].reduce: 'exit' is an event: reduce it with first_step, occurred or count"),
        arguments("series reduced as an event", "  - {metric: legitimacy, actor: KHM, reduce: first_step}",
            ":12:46: outcomes[0].reduce: 'legitimacy' is a series: reduce it with final, mean, min or max"),
        arguments("unknown target", "  - {metric: alignment, actor: KHM, target: USB, reduce: final}",
            ":12:45: outcomes[0].target: no series alignment[KHM,USB] (did you mean 'USA'?); alignment of KHM has targets VNM, CHN, USA, JPN, KOR"),
        arguments("series of a pole", "  - {metric: hedging_index, actor: USA, reduce: mean}",
            ":12:36: outcomes[0].actor: no series hedging_index for actor 'USA'; it exists for KHM, LAO"),
        arguments("unknown event actor", "  - {metric: exit, actor: KHN, reduce: first_step}",
            ":12:27: outcomes[0].actor: no actor, framework or project with id 'KHN' (did you mean 'KHM'?)"),
        arguments("unknown reducer", "  - {metric: exit, actor: KHM, reduce: last}",
            ":12:40: outcomes[0].reduce: expected one of final | mean | min | max | first_step | occurred | count, found 'last'"),
        arguments("reserved name", "  - {name: seed, metric: exit, actor: KHM, reduce: count}",
            ":12:12: outcomes[0].name: 'seed' names a column the results already have"),
        arguments("name used twice", "  - {name: x, metric: exit, actor: KHM, reduce: count}\n  - {name: x, metric: join, actor: KHM, reduce: count}",
            ":13:12: outcomes[1].name: the column name 'x' is used twice"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badOutcomes")
  void badOutcome_preciseMessage(String what, String outcome, String expected) throws IOException {
    Path f = sweep(grid(), PARAMETERS, "outcomes:\n" + outcome + "\n");
    List<String> p = problems(f);
    assertTrue(p.stream().anyMatch(m -> m.startsWith(f + expected)), what + ": " + p);
  }

  @Test
  void everyProblemIsReported_notJustTheFirst() throws IOException {
    Path f = sweep("design:\n  kind: gird\n", "parameters:\n  - path: actors[KMH].nationalism\n    min: 0.3\n    max: 0.9\n",
        "outcomes:\n  - {metric: alignmnt, actor: KHM, reduce: final}\n");
    List<String> p = problems(f);
    assertEquals(3, p.size(), p.toString());
  }

  @Test
  void emptyOrMissingLists_areNamed() throws IOException {
    Path f = sweep(grid(), "parameters: []\n", "");
    assertEquals(List.of(f + ":1:1: outcomes: missing key 'outcomes' (what to collect from each run)",
        f + ":7:13: parameters: the list is empty; give at least one entry (the values the sweep varies)"), problems(f));
  }

  @Test
  void baseScenarioNotFound_namesThePathTried() throws IOException {
    Path f = dir.resolve("s.yaml");
    Files.writeString(f, "sweep: s\nscenario: ../nowhere.yaml\ndesign: {kind: grid, points: 2}\n" + PARAMETERS + OUTCOMES);
    assertEquals(List.of(f + ":2:11: scenario: the base scenario was not found: tried "
        + dir.resolveSibling("nowhere.yaml") + " (a path relative to the sweep file)"), problems(f));
  }

  @Test
  void invalidBaseScenario_itsProblemsPointIntoIt() throws IOException {
    Path base = dir.resolve("base.yaml");
    Files.writeString(base, "scenario: b\nextends: " + Fixtures.scenarioFile("baseline-2024.yaml")
        + "\nactors:\n  - id: KHM\n    nationalism: lots\n");
    Path f = dir.resolve("s.yaml");
    Files.writeString(f, "sweep: s\nscenario: base.yaml\ndesign: {kind: grid, points: 2}\n" + PARAMETERS + OUTCOMES);
    List<String> p = problems(f);
    assertTrue(p.stream().anyMatch(m -> m.startsWith(dir.resolve("base.yaml") + ":5:18: actors[KHM].nationalism:")), p.toString());
  }

  @Test
  void aScenarioGivenAsASweep_saysSo() {
    Path f = Fixtures.scenarioFile("baseline-2024.yaml");
    List<String> p = problems(f);
    assertEquals(1, p.size());
    assertTrue(p.get(0).contains("this is a scenario file, not a sweep"), p.toString());
  }

  @Test
  void unsafeYaml_refusedLikeAScenario() throws IOException {
    Path f = dir.resolve("s.yaml");
    Files.writeString(f, "sweep: !!javax.script.ScriptEngineManager [x]\n");
    List<String> p = problems(f);
    assertTrue(p.get(0).contains("is not allowed"), p.toString());
  }
}
