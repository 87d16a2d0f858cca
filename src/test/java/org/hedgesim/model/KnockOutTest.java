package org.hedgesim.model;

import static org.hedgesim.Fixtures.load;
import static org.hedgesim.Fixtures.testResource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import org.hedgesim.Fixtures;
import org.hedgesim.experiment.Replication;
import org.hedgesim.scenario.Mechanism;
import org.hedgesim.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every mechanism can be switched off, and switching it off changes the run (docs/MODEL.md, "What
 * must be true", 9), on {@code worlds/lively.yaml}, where every mechanism is at work; and the
 * knock-outs whose meaning is exact do exactly that.
 */
class KnockOutTest {
  private static final Scenario LIVELY = load(testResource("org/hedgesim/model/worlds/lively.yaml"));
  /** The seed of replication 6 of the world, one in which every mechanism shows in the events. */
  private static final long SEED = org.hedgesim.experiment.Seeds.derive(LIVELY.seed(), 0, 6);
  private static final Replication FULL = Replication.run(LIVELY, 0, SEED);

  private static Replication without(Mechanism... off) {
    return Replication.run(LIVELY.withKnockOuts(EnumSet.copyOf(List.of(off))), 0, SEED);
  }

  private static boolean same(Replication a, Replication b) {
    if (!a.events().equals(b.events())) return false;
    for (int t = 0; t < a.steps(); t++) {
      if (!Arrays.equals(a.values()[t], b.values()[t])) return false;
    }
    return true;
  }

  private static long count(Replication r, String kind) {
    return r.events().stream().filter(e -> e.kind().equals(kind)).count();
  }

  private static long count(Replication r, String kind, String origin) {
    return r.events().stream().filter(e -> e.kind().equals(kind) && e.origin().equals(origin)).count();
  }

  private static double[] series(Replication r, String metric, String actor, String target) {
    int i = Fixtures.series(r, metric, actor, target);
    return Arrays.stream(r.values()).mapToDouble(v -> v[i]).toArray();
  }

  @ParameterizedTest
  @EnumSource(Mechanism.class)
  void everyKnockOut_changesTheRun(Mechanism m) {
    assertFalse(same(FULL, without(m)), m.key() + " knocked out leaves the run as it was");
  }

  @Test
  void theLivelyWorld_hasEveryMechanismAtWork() {
    assertTrue(count(FULL, "incident", "random") > 0, "random incidents");
    assertTrue(count(FULL, "regime_switch") > 0, "a regime switch");
    assertTrue(count(FULL, "exit", "endogenous") > 0, "an endogenous exit");
    assertTrue(count(FULL, "leader", "endogenous") > 0, "a government falls in a legitimacy crisis");
    assertTrue(count(FULL, "leader", "scripted") > 0, "a leader event");
    assertTrue(Arrays.stream(series(FULL, "coercion", "B", "S")).anyMatch(v -> v > 0), "coercion");
    assertTrue(FULL.events().stream().anyMatch(e -> e.kind().equals("offer") && e.detail().startsWith("not delivered")),
        "an undelivered promise");
  }

  @Test
  void knockOuts_doExactlyWhatTheySay() {
    assertEquals(0, count(without(Mechanism.DISPUTES), "incident"));
    assertEquals(0, count(without(Mechanism.REGIME_SWITCH), "regime_switch"));
    assertEquals(0, count(without(Mechanism.FRAMEWORK_REVIEW), "exit", "endogenous"));
    assertEquals(0, count(without(Mechanism.GOVERNMENT), "leader"));
    assertEquals(0, count(without(Mechanism.COURTSHIP), "offer"));
    assertTrue(Arrays.stream(series(without(Mechanism.COERCION), "coercion", "B", "S")).allMatch(v -> v == 0));
    assertTrue(Arrays.stream(series(without(Mechanism.COURTSHIP), "courtship", "A", "S")).allMatch(v -> v == 0));
    double[] capability = series(without(Mechanism.POWER_TRANSITION), "capability", "A", "");
    assertTrue(Arrays.stream(capability).allMatch(v -> v == 0.2), "capability stays as given");
    double[] grows = series(FULL, "capability", "A", "");
    assertTrue(grows[grows.length - 1] > 0.2, "a faster-growing power gains capability: " + grows[grows.length - 1]);
    double[] credibility = series(without(Mechanism.CREDIBILITY), "credibility", "S", "A");
    assertTrue(Arrays.stream(credibility).allMatch(v -> v == 0.6), "credibility is not learned");
    double[] legitimacy = series(without(Mechanism.LEGITIMACY), "legitimacy", "S", "");
    assertTrue(Arrays.stream(legitimacy).allMatch(v -> v == 0.35), "legitimacy stays as given");
    double[] trust = series(without(Mechanism.BELIEFS), "trust", "S", "A");
    assertTrue(Arrays.stream(trust).allMatch(v -> v == 0.5), "no news moves trust");
    Replication cold = without(Mechanism.SPIN_UP);
    assertEquals(0.0, Fixtures.value(cold, "courtship", "A", "S", 0), "no courtship before the first review");
    assertTrue(Fixtures.value(FULL, "courtship", "A", "S", 0) > 0, "the spin-up reaches the powers' courtship");
  }
}
