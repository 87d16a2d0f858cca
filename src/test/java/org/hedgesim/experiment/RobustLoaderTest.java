package org.hedgesim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hedgesim.Fixtures;
import org.hedgesim.analysis.RobustnessMetrics.Direction;
import org.hedgesim.scenario.Problem;
import org.hedgesim.scenario.ScenarioException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Robust-decision files are read with a sweep file's rigour: every problem with file, line, column and key. */
class RobustLoaderTest {

  @TempDir
  Path dir;

  /** A study of two-powers.yaml with the given levers and objectives (and extra top-level lines). */
  static String study(String scenario, String top, String levers, String objectives) {
    return "robust: tiny\nscenario: " + scenario + "\nseed: 7\nreplications: 2\nfutures: 5\n" + top
        + "levers:\n" + levers
        + "uncertainties:\n"
        + "  - path: actors[S].nationalism\n    min: 0.2\n    max: 0.8\n    source: \"assumption: a wide range\"\n"
        + "objectives:\n" + objectives;
  }

  static final String LEVERS = "  - path: actors[P].approach\n    levels: [positive, negative, mixed]\n";
  static final String OBJECTIVES = """
        - name: hedging
          metric: hedging_index
          actor: S
          reduce: mean
          direction: maximize
          satisficing: ">= 0.6"
        - name: lean_q
          metric: alignment
          actor: S
          target: Q
          reduce: final
          direction: minimize
          percentile: 75
      """;

  private Path write(String top, String levers, String objectives) throws IOException {
    Path f = dir.resolve("r.yaml");
    Files.writeString(f, study(Fixtures.scenarioFile("two-powers.yaml").toString(), top, levers, objectives));
    return f;
  }

  private List<String> problems(Path f) {
    ScenarioException e = assertThrows(ScenarioException.class, () -> RobustLoader.load(f, f.toString()));
    return e.problems().stream().map(Problem::toString).toList();
  }

  @Test
  void goodFile_givesTheFactorialOfTheLevers_andTheFuturesOfTheUncertainties() throws Exception {
    Path f = write("", LEVERS + "  - path: actors[Q].inducements.budget\n    levels: [0.5, 1]\n", OBJECTIVES);
    RobustStudy s = RobustLoader.load(f, f.toString());
    assertEquals(6, s.settingCount());
    assertEquals(5, s.futureCount());
    assertEquals(60, s.runs());
    assertEquals("actors[P].approach=negative, actors[Q].inducements.budget=1", s.label(3));
    assertEquals(Direction.MAXIMIZE, s.objectives().get(0).direction());
    assertEquals(10.0, s.objectives().get(0).percentile());
    assertEquals(">= 0.6", s.objectives().get(0).satisficing().toString());
    assertEquals(75.0, s.objectives().get(1).percentile());
    assertEquals(null, s.objectives().get(1).satisficing());
    // a Latin hypercube: each fifth of the unit interval holds exactly one future
    boolean[] stratum = new boolean[5];
    for (double[] u : s.futures().units()) stratum[(int) (u[0] * 5)] = true;
    assertEquals(List.of(true, true, true, true, true), List.of(stratum[0], stratum[1], stratum[2], stratum[3], stratum[4]));
    // common random numbers: the seed depends on the future and the replication only
    assertEquals(Seeds.derive(7, 3, 1), s.seedOf(3, 1));
  }

  @Test
  void misspeltKey_isNamedWithFileLineColumn_andASuggestion() throws Exception {
    Path f = write("futurs: 3\n", LEVERS, OBJECTIVES);
    assertEquals(List.of(f + ":6:1: futurs: unknown key 'futurs' (did you mean 'futures'?)"), problems(f));
  }

  @Test
  void badDirection_isAProblemAtItsKey() throws Exception {
    Path f = write("", LEVERS, OBJECTIVES.replace("direction: maximize", "direction: maximise"));
    List<String> p = problems(f);
    assertEquals(1, p.size(), p.toString());
    assertTrue(p.get(0).startsWith(f + ":19:16: objectives[0].direction: expected one of maximize | minimize,"
        + " found 'maximise' (did you mean 'maximize'?)"), p.get(0));
  }

  @Test
  void badSatisficingExpression_isAProblemAtItsKey() throws Exception {
    Path f = write("", LEVERS, OBJECTIVES.replace("\">= 0.6\"", "at least 0.6"));
    assertEquals(List.of(f + ":20:18: objectives[0].satisficing: expected a threshold such as \">= 0.6\" or"
        + " \"< 0.1\" (quoted: an operator >=, <=, > or <, then a number), found 'at least 0.6'"), problems(f));
  }

  @Test
  void otherMistakes_areAllReportedTogether() throws Exception {
    Path f = write("", "  - path: actors[P].approach\n    min: 0\n    max: 1\n",
        OBJECTIVES.replace("percentile: 75", "percentile: 150").replace("reduce: final", "reduce: first_step")
            .replace("metric: hedging_index", "metric: hedging_indx"));
    List<String> p = problems(f);
    assertTrue(p.contains(f + ":8:10: levers[0].min: a lever takes levels (the settings are the full factorial of the"
        + " levers' levels), not a range; give levels: [...], or make it an uncertainty"), p.toString());
    assertTrue(p.stream().anyMatch(s -> s.startsWith(f + ":17:13: objectives[0].metric: no series or event kind"
        + " 'hedging_indx' (did you mean 'hedging_index'?)")), p.toString());
    assertTrue(p.stream().anyMatch(s -> s.startsWith(f + ":26:13: objectives[1].reduce: 'alignment' is a series")),
        p.toString());
    assertTrue(p.contains(f + ":28:17: objectives[1].percentile: a percentile lies in (0, 100], found 150"),
        p.toString());
  }

  @Test
  void firstStep_isNoObjective_forItHasNoValueWhenTheEventDoesNotHappen() throws Exception {
    Path f = write("", LEVERS, OBJECTIVES.replace("metric: alignment", "metric: exit").replace("target: Q",
        "target: BLOC").replace("reduce: final", "reduce: first_step"));
    assertEquals(List.of(f + ":25:13: objectives[1].reduce: an objective needs a value in every run, and first_step"
        + " has none when the event does not happen; use occurred (a probability) or count"), problems(f));
  }

  @Test
  void shippedStudies_load() throws Exception {
    List<Path> files;
    try (var s = Files.list(Fixtures.repo().resolve("scenarios/robust"))) {
      files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertTrue(!files.isEmpty());
    for (Path f : files) {
      RobustStudy s = RobustLoader.load(f, f.toString());
      assertTrue(s.runs() > 0, f.toString());
      for (var p : s.levers()) assertTrue(p.source() != null, f + ": a source for lever " + p.name());
      for (var p : s.uncertainties()) assertTrue(p.source() != null, f + ": a source for uncertainty " + p.name());
    }
  }

  @Test
  void aSweepFile_isNotARobustFile() throws Exception {
    Path f = dir.resolve("s.yaml");
    Files.writeString(f, "sweep: s\nscenario: x.yaml\n");
    assertTrue(problems(f).get(0).contains("this is a sweep file"));
  }
}
