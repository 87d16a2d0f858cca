package org.hedgesim.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hedgesim.experiment.ParameterDraws;
import org.hedgesim.scenario.RelationSpec;
import org.hedgesim.scenario.Scenario;
import org.hedgesim.scenario.ScenarioException;
import org.hedgesim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a calibration's posterior and drawing replications' parameters from it. */
class PosteriorDrawsTest {

  static final List<String> TRUST = List.of("relations[S,P].trust");

  private static String problem(ScenarioException e) {
    return e.problems().get(0).toString();
  }

  @Test
  void drawsFollowTheWeights(@TempDir Path dir) throws Exception {
    Path base = PosteriorFolder.smallScenario(dir);
    Path f = PosteriorFolder.write(dir.resolve("cal"), base, "abc-smc", TRUST,
        List.of(List.of(0, 0, 0.9, 1.0, 0.2), List.of(0, 1, 0.1, 1.0, 0.8)));
    PosteriorDraws p = PosteriorDraws.read(f);
    int n = 1000;
    int first = 0;
    for (int r = 0; r < n; r++) first += p.draw(11, r) == 0 ? 1 : 0;
    // binomial(1000, 0.9): sd 9.5; four sd either side
    assertTrue(Math.abs(first - 900) < 38, first + " of 1000 draws took the particle of weight 0.9");
    ParameterDraws d = p.seeded(11);
    assertEquals(p.draw(11, 7), d.draw(7), "the seeded draws are the posterior's");
    int[] other = new int[n];
    boolean differ = false;
    for (int r = 0; r < n; r++) {
      other[r] = p.draw(12, r);
      differ |= other[r] != p.draw(11, r);
    }
    assertTrue(differ, "another seed draws otherwise");
  }

  @Test
  void onlyTheLastGenerationIsThePosteriorAndItsValuesAreSetExactly(@TempDir Path dir) throws Exception {
    Path base = PosteriorFolder.smallScenario(dir);
    Path f = PosteriorFolder.write(dir.resolve("cal"), base, "abc-smc", TRUST, List.of(
        List.of(0, 0, 0.5, 3.0, 0.05), List.of(0, 1, 0.5, 3.0, 0.95),
        List.of(1, 0, 0.25, 1.0, 0.3123456789), List.of(1, 1, 0.75, 1.0, 0.7)));
    PosteriorDraws p = PosteriorDraws.read(f);
    assertEquals(2, p.size());
    Scenario s = ScenarioLoader.load(base);
    p.check(s, base.toString());
    ParameterDraws d = p.seeded(3);
    for (int r = 0; r < 50; r++) {
      double v = p.values(d.draw(r))[0];
      assertTrue(v == 0.3123456789 || v == 0.7, "drawn from generation 1 only: " + v);
    }
    ParameterDraws.Bound b = d.bind(s, 20);
    for (int r = 0; r < 20; r++) {
      RelationSpec sp = b.of(r).relations().stream().filter(x -> x.a().equals("S") && x.b().equals("P")
          || x.a().equals("P") && x.b().equals("S")).findFirst().orElseThrow();
      assertEquals(p.values(d.draw(r))[0], sp.trust(), 0.0, "replication " + r + " runs the drawn value exactly");
    }
    assertTrue(d.statement().contains("calibration hand-made") && d.statement().contains(
        org.hedgesim.output.Hashes.sha256(f.resolve("posterior.csv"))), d.statement());
  }

  @Test
  void aPathTheScenarioDoesNotHaveIsRefusedNamingTheParameter(@TempDir Path dir) throws Exception {
    Path base = PosteriorFolder.smallScenario(dir);
    Path f = PosteriorFolder.write(dir.resolve("cal"), base, "rejection", List.of("actors[X].nationalism"),
        List.of(List.of(0, 0, 1.0, 1.0, 0.5)));
    PosteriorDraws p = PosteriorDraws.read(f);
    ScenarioException e = assertThrows(ScenarioException.class, () -> p.check(ScenarioLoader.load(base), "small.yaml"));
    String m = problem(e);
    assertTrue(m.startsWith(f.resolve("manifest.json") + ": calibration.parameters[0].path: 'actors[X].nationalism'"
        + " does not resolve in scenario small.yaml"), m);
  }

  @Test
  void aScenarioThatIsNotTheBaseIsRunWithAWarning(@TempDir Path dir) throws Exception {
    Path base = PosteriorFolder.smallScenario(dir);
    Path f = PosteriorFolder.write(dir.resolve("cal"), base, "abc-smc", TRUST, List.of(List.of(0, 0, 1.0, 1.0, 0.5)));
    PosteriorDraws p = PosteriorDraws.read(f);
    Path child = dir.resolve("child.yaml");
    Files.writeString(child, "scenario: child\nextends: small.yaml\n");
    assertEquals(List.of(), p.warnings("child.yaml", List.of(child, base)), "one that extends the base is fine");
    Path other = Path.of("scenarios/two-powers.yaml");
    List<String> w = p.warnings(other.toString(), List.of(other));
    assertEquals(1, w.size());
    assertTrue(w.get(0).contains("neither is nor extends the base scenario of calibration hand-made"), w.get(0));
    Files.writeString(f.resolve("posterior.csv"), Files.readString(f.resolve("posterior.csv")).replace("0.5", "0.6"));
    assertTrue(PosteriorDraws.read(f).warnings("small.yaml", List.of(base)).get(0).contains("is not the file the"
        + " calibration wrote"));
  }

  @Test
  void badFoldersAreRefusedNamingTheFileLineAndKey(@TempDir Path dir) throws Exception {
    Path base = PosteriorFolder.smallScenario(dir);
    assertTrue(problem(assertThrows(ScenarioException.class, () -> PosteriorDraws.read(dir.resolve("none"))))
        .contains("none: no such folder"));
    assertTrue(problem(assertThrows(ScenarioException.class, () -> PosteriorDraws.read(dir)))
        .contains("manifest.json: missing; " + dir + " is not the results folder of a calibration"));

    Path cmaes = PosteriorFolder.write(dir.resolve("cmaes"), base, "cmaes", TRUST, List.of(List.of(0, 0, 1.0, 1.0, 0.5)));
    assertTrue(problem(assertThrows(ScenarioException.class, () -> PosteriorDraws.read(cmaes)))
        .contains("method.method: a cmaes calibration: its posterior.csv is a point estimate"));

    Path cell = PosteriorFolder.write(dir.resolve("cell"), base, "abc-smc", TRUST,
        List.of(List.of(0, 0, 0.5, 1.0, 0.5), List.of(0, 1, 0.5, 1.0, "high")));
    assertEquals(cell.resolve("posterior.csv") + ":3:11: relations[S,P].trust: expected a number, found 'high'",
        problem(assertThrows(ScenarioException.class, () -> PosteriorDraws.read(cell))));

    Path weight = PosteriorFolder.write(dir.resolve("weight"), base, "abc-smc", TRUST,
        List.of(List.of(0, 0, -0.5, 1.0, 0.5)));
    assertEquals(weight.resolve("posterior.csv") + ":2:5: weight: a weight cannot be negative, found -0.5",
        problem(assertThrows(ScenarioException.class, () -> PosteriorDraws.read(weight))));

    Path zero = PosteriorFolder.write(dir.resolve("zero"), base, "abc-smc", TRUST,
        List.of(List.of(0, 0, 0, 1.0, 0.5), List.of(0, 1, 0, 1.0, 0.6)));
    assertTrue(problem(assertThrows(ScenarioException.class, () -> PosteriorDraws.read(zero)))
        .contains("posterior.csv:2:1: weight: the particles of generation 0 (the posterior) all weigh 0"));

    Path header = PosteriorFolder.write(dir.resolve("header"), base, "abc-smc", TRUST, List.of(List.of(0, 0, 1, 1, 0.5)));
    Files.writeString(header.resolve("posterior.csv"), "generation,particle,weight,distance,other\n0,0,1,1,0.5\n");
    assertTrue(problem(assertThrows(ScenarioException.class, () -> PosteriorDraws.read(header)))
        .contains("posterior.csv:1:1: the header is generation,particle,weight,distance,other; the manifest of this"
            + " calibration expects generation,particle,weight,distance,\"relations[S,P].trust\""));

    Path run = PosteriorFolder.write(dir.resolve("run"), base, "abc-smc", TRUST, List.of(List.of(0, 0, 1, 1, 0.5)));
    Files.writeString(run.resolve("manifest.json"), "{\"hedgesim\": {\"command\": \"run\"}}");
    String m = problem(assertThrows(ScenarioException.class, () -> PosteriorDraws.read(run)));
    assertTrue(m.contains("manifest.json: hedgesim.command: the manifest of 'hedgesim run', not of a calibration"), m);
    assertNotEquals("", m);
  }
}
