package org.hedgesim.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hedgesim.Fixtures;
import org.hedgesim.analysis.PairedDifference;
import org.hedgesim.experiment.ScenarioComparison.Arm;
import org.hedgesim.experiment.ScenarioComparison.Contrast;
import org.hedgesim.experiment.ScenarioComparison.Row;
import org.hedgesim.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The comparison on a toy pair with a known effect (src/test/resources/compare): in toy-a a power
 * visits the small state as a Poisson process at 1 a year, in toy-b at 3 a year, over 24 months, so
 * the expected number of visits differs by exactly 2 x (3 - 1) = 4.
 */
class ScenarioComparisonTest {

  private static final double TRUE_DIFFERENCE = 4.0;

  @TempDir
  Path dir;

  private static List<Arm> toyPair() {
    Scenario a = Fixtures.load(Fixtures.testResource("compare/toy-a.yaml"));
    Scenario b = Fixtures.load(Fixtures.testResource("compare/toy-b.yaml"));
    return List.of(new Arm(a.name(), a, List.of()), new Arm(b.name(), b, List.of()));
  }

  private static Row visits(Contrast c) {
    return c.rows().stream().filter(r -> r.key().metric().equals("visits")).findFirst().orElseThrow();
  }

  @Test
  void compare_toyPair_recoversTheKnownDifference() throws IOException {
    ScenarioComparison.Sample s = ScenarioComparison.simulate(toyPair(), 400, 11, 2, null);
    PairedDifference d = visits(ScenarioComparison.contrasts(s).get(0)).difference();
    assertEquals(400, d.n());
    assertEquals(2.0, d.meanA(), 0.3, "Poisson mean 2 over 24 months at 1 a year");
    assertEquals(6.0, d.meanB(), 0.5, "Poisson mean 6 at 3 a year");
    assertTrue(d.ciLow() <= TRUE_DIFFERENCE && TRUE_DIFFERENCE <= d.ciHigh(), d.toString());
    assertTrue(d.ciHigh() - d.ciLow() < 0.6, "400 pairs pin the difference down: " + d);
    assertTrue(d.ciExcludesZero());
  }

  /**
   * 100 repeated comparisons of 10 replications each, master seeds 1..100 (a fixed set, so the
   * test is deterministic): the nominal 95% interval must contain the true difference in at least
   * 90 of them. With true coverage 95%, fewer than 90 would happen with probability about 2%.
   */
  @Test
  void compare_toyPair_intervalCoversTheTruthInAtLeast90PercentOfTrials() throws IOException {
    List<Arm> arms = toyPair();
    int covered = 0;
    int trials = 100;
    for (long seed = 1; seed <= trials; seed++) {
      ScenarioComparison.Sample s = ScenarioComparison.simulate(arms, 10, seed, 1, null);
      PairedDifference d = visits(ScenarioComparison.contrasts(s).get(0)).difference();
      if (d.ciLow() <= TRUE_DIFFERENCE && TRUE_DIFFERENCE <= d.ciHigh()) covered++;
    }
    assertTrue(covered >= 90, "covered the true difference in " + covered + " of " + trials + " trials");
  }

  @Test
  void compare_scenarioWithItself_everyDifferenceIsExactlyZero() throws IOException {
    Scenario a = Fixtures.load(Fixtures.testResource("compare/toy-a.yaml"));
    List<Arm> arms = List.of(new Arm("a", a, List.of()), new Arm("a-2", a, List.of()));
    Contrast c = ScenarioComparison.contrasts(ScenarioComparison.simulate(arms, 5, 3, 2, null)).get(0);
    for (Row r : c.rows()) {
      assertFalse(r.difference().ciExcludesZero(), r.toString());
      if (r.difference().n() > 0) assertEquals(0.0, r.difference().difference(), 0.0, r.toString());
    }
  }

  @Test
  void compare_replicationR_usesTheSameSeedInEveryScenario() {
    long[] seeds = ScenarioComparison.seeds(20240101, 3);
    for (int r = 0; r < 3; r++) assertEquals(Seeds.derive(20240101, 0, r), seeds[r]);
  }

  @Test
  void compare_scenariosWithDifferentSeries_comparesTheIntersectionAndSaysWhatWasLeftOut() throws IOException {
    Path f = dir.resolve("toy-two-states.yaml");
    Files.writeString(f, "scenario: toy-two-states\nextends: " + Fixtures.testResource("compare/toy-a.yaml") + "\n"
        + "actors:\n  - {id: T, name: Second state, role: small, capability: 0.01, gdp: 5, source: \"assumption: test\"}\n"
        + "relations:\n  - {between: [T, P], trust: 0.5, source: \"assumption: test\"}\n"
        + "flows:\n  - {kind: exports, from: T, to: P, amount: 0.5, source: \"assumption: test\"}\n");
    Scenario a = Fixtures.load(Fixtures.testResource("compare/toy-a.yaml"));
    Scenario b = Fixtures.load(f);
    Contrast c = ScenarioComparison.contrasts(ScenarioComparison.simulate(
        List.of(new Arm("a", a, List.of()), new Arm("b", b, List.of())), 3, 1, 1, null)).get(0);
    assertTrue(c.onlyInA().isEmpty(), c.onlyInA().toString());
    assertTrue(c.onlyInB().stream().anyMatch(k -> k.metric().equals("hedging_index") && k.actor().equals("T")),
        c.onlyInB().toString());
    assertTrue(c.rows().stream().anyMatch(r -> r.key().metric().equals("hedging_index") && r.key().actor().equals("S")));
    assertTrue(c.rows().stream().noneMatch(r -> r.key().actor().equals("T")));
  }

  @Test
  void execute_oneOrTwoThreads_byteIdenticalFiles() throws IOException {
    Path one = dir.resolve("one");
    Path two = dir.resolve("two");
    ScenarioComparison.execute(toyPair(), 6, 5, one, 1, ScenarioRun.BeforeCommit.NONE);
    ScenarioComparison.execute(toyPair(), 6, 5, two, 2, ScenarioRun.BeforeCommit.NONE);
    for (String file : List.of("compare.csv", "outcomes.csv", "bands.csv", "events.csv")) {
      assertArrayEquals(Files.readAllBytes(one.resolve(file)), Files.readAllBytes(two.resolve(file)), file);
    }
  }

  @Test
  void execute_failureBeforeCommit_leavesNoFolder() {
    Path out = dir.resolve("never");
    assertThrows(IOException.class, () -> ScenarioComparison.execute(toyPair(), 3, 5, out, 1, staging -> {
      throw new IOException("report failed");
    }));
    assertFalse(Files.exists(out));
    assertTrue(dir.toFile().list().length == 0, "no staging folder left: " + List.of(dir.toFile().list()));
  }

  @Test
  void simulate_oneReplication_rejected() {
    assertThrows(IllegalArgumentException.class, () -> ScenarioComparison.simulate(toyPair(), 1, 1, 1, null));
  }
}
