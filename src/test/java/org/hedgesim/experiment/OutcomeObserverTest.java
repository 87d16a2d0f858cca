package org.hedgesim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.hedgesim.Fixtures;
import org.hedgesim.model.EventRecord;
import org.hedgesim.model.HedgeWorld;
import org.hedgesim.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Streaming outcomes equal what the same run gives when every step is kept. */
class OutcomeObserverTest {

  private static final List<OutcomeSpec> SPECS = List.of(
      new OutcomeSpec("a_final", "alignment", "KHM", "CHN", OutcomeSpec.Reducer.FINAL),
      new OutcomeSpec("a_mean", "alignment", "KHM", "CHN", OutcomeSpec.Reducer.MEAN),
      new OutcomeSpec("l_min", "legitimacy", "KHM", "", OutcomeSpec.Reducer.MIN),
      new OutcomeSpec("l_max", "legitimacy", "KHM", "", OutcomeSpec.Reducer.MAX),
      new OutcomeSpec("exit_step", "exit", "KHM", "CLV-DTA", OutcomeSpec.Reducer.FIRST_STEP),
      new OutcomeSpec("exited", "exit", "KHM", "CLV-DTA", OutcomeSpec.Reducer.OCCURRED),
      new OutcomeSpec("visits", "visit", "", "KHM", OutcomeSpec.Reducer.COUNT),
      new OutcomeSpec("lao_exit", "exit", "LAO", "", OutcomeSpec.Reducer.FIRST_STEP));

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void outcomes_equalTheReductionsOfTheFullRecord(long seed) {
    Scenario s = Fixtures.scenario("clv-dta-exit.yaml");
    Replication full = Replication.run(s, 0, seed);
    OutcomeObserver o = new OutcomeObserver(SPECS);
    HedgeWorld w = new HedgeWorld(seed, s);
    w.setObserver(o);
    w.runToEnd();
    double[] v = o.values();

    int a = Fixtures.series(full, "alignment", "KHM", "CHN");
    int l = Fixtures.series(full, "legitimacy", "KHM", "");
    double sum = 0;
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double[] step : full.values()) {
      sum += step[a];
      lo = Math.min(lo, step[l]);
      hi = Math.max(hi, step[l]);
    }
    assertEquals(full.values()[full.steps() - 1][a], v[0]);
    assertEquals(sum / full.steps(), v[1]);
    assertEquals(lo, v[2]);
    assertEquals(hi, v[3]);

    Outcomes outcomes = new Outcomes(s);
    double[] reference = outcomes.of(full.events());
    int stepIndex = outcomes.keys().indexOf(new Outcomes.Key("exit_step", "KHM", "CLV-DTA"));
    int exitedIndex = outcomes.keys().indexOf(new Outcomes.Key("exited", "KHM", "CLV-DTA"));
    assertEquals(8.0, v[4], "the scripted exit of 2024-09 is step 8");
    assertEquals(reference[stepIndex], v[4]);
    assertEquals(reference[exitedIndex], v[5]);
    long visits = full.events().stream().filter(e -> e.kind().equals("visit") && e.target().equals("KHM")).count();
    assertTrue(visits > 0);
    assertEquals(visits, v[6]);
    assertTrue(Double.isNaN(v[7]), "Laos never leaves: no step");
  }

  @Test
  void aWindow_reducesOnlyItsSteps_andCountsOnlyItsEvents() {
    Scenario s = Fixtures.scenario("clv-dta-exit.yaml");
    // 2026-01 to 2027-12 are steps 24 to 47 of a run that starts in 2024-01
    OutcomeSpec.Window w = new OutcomeSpec.Window(24, 47, "2026-01", "2027-12");
    List<OutcomeSpec> specs = List.of(
        new OutcomeSpec("a_final", "alignment", "KHM", "CHN", OutcomeSpec.Reducer.FINAL, w),
        new OutcomeSpec("a_mean", "alignment", "KHM", "CHN", OutcomeSpec.Reducer.MEAN, w),
        new OutcomeSpec("l_min", "legitimacy", "KHM", "", OutcomeSpec.Reducer.MIN, w),
        new OutcomeSpec("visits", "visit", "", "KHM", OutcomeSpec.Reducer.COUNT, w),
        new OutcomeSpec("exited", "exit", "KHM", "CLV-DTA", OutcomeSpec.Reducer.OCCURRED, w),
        new OutcomeSpec("exit_step", "exit", "KHM", "CLV-DTA", OutcomeSpec.Reducer.FIRST_STEP,
            new OutcomeSpec.Window(0, 10, null, "2024-11")));
    Replication full = Replication.run(s, 0, 4L);
    OutcomeObserver o = new OutcomeObserver(specs);
    HedgeWorld world = new HedgeWorld(4L, s);
    world.setObserver(o);
    world.runToEnd();
    double[] v = o.values();
    int a = Fixtures.series(full, "alignment", "KHM", "CHN");
    int l = Fixtures.series(full, "legitimacy", "KHM", "");
    double sum = 0;
    double lo = Double.POSITIVE_INFINITY;
    for (int t = 24; t <= 47; t++) {
      sum += full.values()[t][a];
      lo = Math.min(lo, full.values()[t][l]);
    }
    assertEquals(full.values()[47][a], v[0], "final: the value at the window's last step");
    assertEquals(sum / 24, v[1]);
    assertEquals(lo, v[2]);
    long visits = full.events().stream()
        .filter(e -> e.kind().equals("visit") && e.target().equals("KHM") && e.step() >= 24 && e.step() <= 47).count();
    long all = full.events().stream().filter(e -> e.kind().equals("visit") && e.target().equals("KHM")).count();
    assertTrue(visits > 0 && visits < all, visits + " of " + all);
    assertEquals(visits, v[3]);
    assertEquals(0.0, v[4], "the exit of 2024-09 is before the window");
    assertEquals(8.0, v[5], "but inside one that ends in 2024-11");
  }

  @Test
  void eventKinds_coverEveryKindTheShippedScenariosLog() {
    Set<String> seen = new TreeSet<>();
    for (String f : List.of("baseline-2024.yaml", "clv-dta-exit.yaml", "funan-techo-canal.yaml",
        "us-positive-reinforcement.yaml", "us-negative-reinforcement.yaml", "us-mixed.yaml",
        "as-it-happened-2024.yaml")) {
      for (Replication r : Fixtures.run(Fixtures.scenario(f), 3)) {
        for (EventRecord e : r.events()) seen.add(e.kind());
      }
    }
    Set<String> unknown = new TreeSet<>(seen);
    unknown.removeAll(OutcomeSpec.EVENT_KINDS);
    assertTrue(unknown.isEmpty(), "kinds logged but not in OutcomeSpec.EVENT_KINDS: " + unknown);
    assertTrue(seen.containsAll(List.of("exit", "visit", "offer")), seen.toString());
  }
}
