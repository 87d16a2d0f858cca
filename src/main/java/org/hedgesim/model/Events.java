package org.hedgesim.model;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.hedgesim.scenario.Action;
import org.hedgesim.scenario.EventSpec;
import org.hedgesim.scenario.Scenario;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * Puts the scenario's events on the schedule. Each step that has events gets one one-shot
 * steppable at ordering 0 that applies them in file order (scripted first, then random ones in
 * the order they are declared). Random events are drawn once at the start of a run from the run's
 * generator: a Poisson process at the declared yearly rate between {@code from} and {@code until}.
 */
final class Events {
  private final HedgeWorld world;

  Events(HedgeWorld world) {
    this.world = world;
  }

  /** An event due at a step, and where it came from. */
  record Due(Action action, String origin) {}

  void schedule() {
    Scenario s = world.scenario();
    int steps = s.steps();
    TreeMap<Integer, List<Due>> byStep = new TreeMap<>();
    for (EventSpec e : s.events()) {
      if (e.isRandom()) continue;
      int step = s.stepOf(e.at());
      if (step >= 0 && step < steps) {
        byStep.computeIfAbsent(step, k -> new ArrayList<>()).add(new Due(e.action(), "scripted"));
      }
    }
    for (EventSpec e : s.events()) {
      if (!e.isRandom()) continue;
      for (int step : draw(e, s)) {
        if (step >= 0 && step < steps) {
          byStep.computeIfAbsent(step, k -> new ArrayList<>()).add(new Due(e.action(), "random"));
        }
      }
    }
    for (var entry : byStep.entrySet()) {
      world.schedule.scheduleOnce(entry.getKey(), HedgeWorld.ORDER_EVENTS, new Batch(entry.getValue()));
    }
  }

  /** Steps at which a random event happens: exponential waiting times at its yearly rate. */
  private List<Integer> draw(EventSpec e, Scenario s) {
    List<Integer> out = new ArrayList<>();
    YearMonth from = e.from();
    int windowMonths = (e.until().getYear() - from.getYear()) * 12
        + e.until().getMonthValue() - from.getMonthValue() + 1;
    double years = 0;
    while (true) {
      years += -StrictMath.log(1.0 - world.random.nextDouble()) / e.rate();
      int month = (int) Math.floor(years * 12);
      if (month >= windowMonths) break;
      out.add(s.stepOf(from.plusMonths(month)));
    }
    return out;
  }

  /** The events of one step, applied in order. */
  static final class Batch implements Steppable {
    private static final long serialVersionUID = 1L;
    private final List<Due> due;

    Batch(List<Due> due) {
      this.due = List.copyOf(due);
    }

    @Override
    public void step(SimState state) {
      HedgeWorld w = (HedgeWorld) state;
      w.syncStep();
      for (Due d : due) Happenings.apply(w, d.action(), d.origin());
    }
  }
}
