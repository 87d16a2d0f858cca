package org.hedgesim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.hedgesim.Fixtures;
import org.hedgesim.analysis.PairedDifference;
import org.hedgesim.experiment.ScenarioComparison.Key;
import org.hedgesim.scenario.Mechanism;
import org.junit.jupiter.api.Test;

/**
 * The knock-out table of {@code hedgesim explain}, and "no inert mechanism" (docs/MODEL.md, "What
 * must be true", 9): on the reference scenario every mechanism moves a headline outcome by more
 * than one run-to-run sd, except those docs/MODEL.md names as dormant there, with its reasons.
 */
class KnockOutsTest {

  private static Set<String> documentedDormant(String scenario) throws Exception {
    String marker = "**Dormant in " + scenario + ":**";
    for (String line : Files.readAllLines(Fixtures.repo().resolve("docs/MODEL.md"))) {
      int at = line.indexOf(marker);
      if (at < 0) continue;
      String list = line.substring(at + marker.length());
      int end = list.indexOf('.');
      return Arrays.stream((end < 0 ? list : list.substring(0, end)).split(","))
          .map(s -> s.strip().replace("`", "")).filter(s -> !s.isEmpty()).collect(Collectors.toCollection(TreeSet::new));
    }
    throw new AssertionError("docs/MODEL.md has no line with " + marker);
  }

  @Test
  void referenceScenario_noMechanismIsInertUnlessDocsSayWhy() throws Exception {
    KnockOuts.Table t = KnockOuts.explain(Fixtures.scenario("baseline-2024.yaml"), 12, 20240101L, 2);
    Set<String> dormant = t.dormant().stream().map(Mechanism::key).collect(Collectors.toCollection(TreeSet::new));
    Set<String> documented = documentedDormant("baseline-2024");
    for (String m : documented) assertTrue(Mechanism.byKey(m) != null, "docs name no mechanism '" + m + "'");
    Set<String> undocumented = new TreeSet<>(dormant);
    undocumented.removeAll(documented);
    assertTrue(undocumented.isEmpty(), "dormant in baseline-2024 but not explained in docs/MODEL.md: " + undocumented);
    // and the ones that carry the model's core are far from dormant (measured with these 12
    // replications: 2.5 sd for disputes, the least of them, 4.1 to 28 sd for the others)
    for (Mechanism m : List.of(Mechanism.RETURNS, Mechanism.THREAT, Mechanism.SECURITY, Mechanism.HEDGING,
        Mechanism.COURTSHIP, Mechanism.DISPUTES, Mechanism.SPIN_UP)) {
      assertTrue(t.largest(m).inSd() > 2, m.key() + ": " + t.largest(m));
    }
  }

  @Test
  void effects_arePairedKnockedOutMinusFull_inSdOfTheFullModel() throws Exception {
    KnockOuts.Table t = KnockOuts.explain(
        Fixtures.load(Fixtures.testResource("org/hedgesim/model/worlds/lively.yaml")), 4, 3L, 1);
    assertEquals(Mechanism.values().length, t.mechanisms().size());
    assertEquals(t.mechanisms().size() * t.headline().size(), t.effects().size());
    for (Key k : t.headline()) assertTrue(KnockOuts.headline(k), k.toString());
    assertTrue(t.headline().stream().anyMatch(k -> k.metric().equals("lean")));
    assertTrue(t.headline().stream().anyMatch(k -> k.metric().equals("exited")));
    KnockOuts.Effect e = t.of(Mechanism.COURTSHIP).stream()
        .filter(x -> x.key().metric().equals("courtship") && x.key().actor().equals("A")).findFirst().orElseThrow();
    PairedDifference d = e.difference();
    assertEquals(0.0, d.meanB(), "no courtship when it is knocked out");
    assertEquals(-d.meanA(), d.difference(), 1e-12);
    assertTrue(e.moves());
    // the same table whatever the threads
    KnockOuts.Table one = KnockOuts.explain(
        Fixtures.load(Fixtures.testResource("org/hedgesim/model/worlds/lively.yaml")), 4, 3L, 2);
    assertEquals(t.effects().toString(), one.effects().toString());
  }

  @Test
  void moves_needsMoreThanOneSdAndAnIntervalThatExcludesZero() {
    Key k = new Key("alignment", "S", "A", ScenarioComparison.FINAL);
    PairedDifference shifted = PairedDifference.of(new double[] {0, 0.1, 0.2}, new double[] {0.5, 0.6, 0.71});
    assertTrue(new KnockOuts.Effect(Mechanism.RETURNS, k, shifted, 0.1, 0.1).moves());
    assertFalse(new KnockOuts.Effect(Mechanism.RETURNS, k, shifted, 1.0, 1.0).moves(), "less than one sd");
    PairedDifference noisy = PairedDifference.of(new double[] {0, 0, 0}, new double[] {-1, 0.2, 1.4});
    assertFalse(new KnockOuts.Effect(Mechanism.RETURNS, k, noisy, 0.0, 1.2).moves(), "CI includes zero");
    PairedDifference exact = PairedDifference.of(new double[] {0, 0, 0}, new double[] {0.05, 0.05, 0.05});
    KnockOuts.Effect sure = new KnockOuts.Effect(Mechanism.COERCION, k, exact, 0.0, 0.0);
    assertTrue(Double.isInfinite(sure.inSd()) && sure.moves(), "a shift where nothing varies");
  }
}
