package org.hedgesim.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.hedgesim.Fixtures;
import org.hedgesim.scenario.Scenario;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The benchmark's floor computes the same thing: the phases called in a plain loop give the same
 * values and events as the phases on MASON's schedule.
 */
class WorldWithoutScheduleTest {

  /** Keeps every value and event of a run. */
  private static final class Tape implements RunObserver {
    final List<double[]> values = new ArrayList<>();
    final List<EventRecord> events = new ArrayList<>();

    @Override
    public void onStep(int step, double[] v) {
      values.add(v.clone());
    }

    @Override
    public void onEvent(EventRecord e) {
      events.add(e);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"as-it-happened-2024.yaml", "us-negative-reinforcement.yaml"})
  void withoutSchedule_sameValuesAndEventsAsOnTheSchedule(String file) {
    Scenario s = Fixtures.scenario(file);
    Tape onSchedule = new Tape();
    HedgeWorld a = new HedgeWorld(42L, s);
    a.setObserver(onSchedule);
    a.runToEnd();
    Tape plain = new Tape();
    HedgeWorld b = new HedgeWorld(42L, s);
    b.setObserver(plain);
    b.runWithoutSchedule();
    assertEquals(s.steps(), plain.values.size());
    for (int i = 0; i < s.steps(); i++) {
      assertArrayEquals(onSchedule.values.get(i), plain.values.get(i), 0.0, "step " + i);
    }
    assertEquals(onSchedule.events, plain.events);
  }
}
