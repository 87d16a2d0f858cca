package org.hedgesim.model;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.hedgesim.scenario.Action;
import org.hedgesim.scenario.EventSpec;
import org.hedgesim.scenario.Scenario;

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

  /**
   * Puts the events on MASON's schedule: each step's batch is a one-shot steppable at its step and
   * ordering 0. Only the next batch waits on the schedule at any time (each batch, when it fires,
   * schedules the one after it), which keeps the schedule's queue short.
   */
  void schedule() {
    TreeMap<Integer, Batch> due = due();
    Batch previous = null;
    for (var entry : due.entrySet()) {
      Batch b = entry.getValue();
      b.at = entry.getKey();
      if (previous == null) {
        world.schedule.scheduleOnce(b.at, HedgeWorld.ORDER_EVENTS, b);
      } else {
        previous.next = b;
      }
      previous = b;
    }
  }

  /** The events of each step that has any, random ones drawn now, in the order they apply. */
  TreeMap<Integer, Batch> due() {
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
    TreeMap<Integer, Batch> batches = new TreeMap<>();
    for (var entry : byStep.entrySet()) batches.put(entry.getKey(), new Batch(entry.getValue()));
    return batches;
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
  static final class Batch extends Phase {
    private static final long serialVersionUID = 1L;
    private final List<Due> due;
    /** its step, and the batch that follows it on the schedule */
    int at;
    Batch next;

    Batch(List<Due> due) {
      this.due = List.copyOf(due);
    }

    @Override
    public void step(sim.engine.SimState state) {
      super.step(state);
      if (next != null) state.schedule.scheduleOnce(next.at, HedgeWorld.ORDER_EVENTS, next);
    }

    @Override
    void run(HedgeWorld w) {
      for (Due d : due) Happenings.apply(w, d.action(), d.origin());
    }
  }
}
