package org.hedgesim.model;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.hedgesim.scenario.Action;
import org.hedgesim.scenario.EventSpec;
import org.hedgesim.scenario.Scenario;

/**
 * Puts the scenario's events on the schedule. A step that has events applies them at ordering 0,
 * in file order: scripted events first, then random ones in the order they are declared (every
 * occurrence of one random event that falls in the step, then the next event's).
 *
 * <p>Random events are a Poisson process at the declared yearly rate between {@code from} and
 * {@code until}, drawn lazily: only the next occurrence of each is known, and it is drawn when the
 * one before it happens, so memory is one generator state per declared event whatever the rate or
 * the length of the run. The draws are the ones the run's generator would give if every
 * occurrence were drawn at the start, event after event: at the start each random event takes a
 * copy of the run's generator, and the run's generator then skips past that event's draws (one
 * waiting time each, to the end of its window). The rest of the run therefore draws exactly what
 * it drew when events were drawn in advance. The time this takes is bounded by the number of
 * occurrences a file may ask for, which the loader limits (docs/SCENARIOS.md, section 15.2).
 */
final class Events {
  private final HedgeWorld world;
  private final TreeMap<Integer, List<Action>> scripted = new TreeMap<>();
  private final List<Occurrences> random = new ArrayList<>();

  Events(HedgeWorld world) {
    this.world = world;
    Scenario s = world.scenario();
    int steps = s.steps();
    for (EventSpec e : s.events()) {
      if (e.isRandom()) {
        random.add(new Occurrences(e, s, steps));
        continue;
      }
      int step = s.stepOf(e.at());
      if (step >= 0 && step < steps) scripted.computeIfAbsent(step, k -> new ArrayList<>()).add(e.action());
    }
  }

  /**
   * Draws the first occurrence of every random event and puts the first step that has events on
   * MASON's schedule. Only one steppable waits on the schedule at any time: when it fires it
   * applies its step's events and schedules itself at the next step that has any.
   */
  void schedule() {
    Driver d = start();
    if (d.at >= 0) world.schedule.scheduleOnce(d.at, HedgeWorld.ORDER_EVENTS, d);
  }

  /**
   * Gives every random event its copy of the run's generator, moves the run's generator past the
   * event's draws, and draws each event's first occurrence; the driver knows the first step due.
   */
  Driver start() {
    for (Occurrences o : random) o.take(world.random);
    for (Occurrences o : random) o.advance();
    Driver d = new Driver(this);
    d.at = nextStep(0);
    return d;
  }

  /** The first step at or after {@code from} that has an event, or -1 when none is left. */
  private int nextStep(int from) {
    Integer s = scripted.ceilingKey(from);
    int next = s == null ? -1 : s;
    for (Occurrences o : random) {
      if (o.step >= from && (next < 0 || o.step < next)) next = o.step;
    }
    return next;
  }

  /** Applies the events due at step {@code t}, drawing each random event's next occurrence. */
  void apply(int t) {
    List<Action> due = scripted.get(t);
    if (due != null) for (Action a : due) Happenings.apply(world, a, "scripted");
    for (Occurrences o : random) {
      while (o.step == t) {
        Happenings.apply(world, o.action, "random");
        o.advance();
      }
    }
  }

  /**
   * The occurrences of one random event: exponential waiting times at its yearly rate, counted in
   * whole months from {@code from}. {@code step} is the step of the next occurrence, or -1 once
   * the window or the run is over.
   */
  static final class Occurrences {
    final Action action;
    private final Scenario scenario;
    private final YearMonth from;
    private final double rate;
    private final int windowMonths;
    private final int steps;
    private double years;
    /** this event's own copy of the run's generator, from where its draws begin */
    private ec.util.MersenneTwisterFast own;
    int step = -1;

    Occurrences(EventSpec e, Scenario s, int steps) {
      this.action = e.action();
      this.scenario = s;
      this.from = e.from();
      this.rate = e.rate();
      this.windowMonths = (e.until().getYear() - from.getYear()) * 12
          + e.until().getMonthValue() - from.getMonthValue() + 1;
      this.steps = steps;
    }

    /**
     * Copies the run's generator, then draws from the run's generator every waiting time of this
     * event up to the end of its window, as drawing them all in advance would.
     */
    void take(ec.util.MersenneTwisterFast run) {
      own = (ec.util.MersenneTwisterFast) run.clone();
      double t = 0;
      do {
        t += waitingTime(run);
      } while ((int) Math.floor(t * 12) < windowMonths);
    }

    private double waitingTime(ec.util.MersenneTwisterFast g) {
      return -StrictMath.log(1.0 - g.nextDouble()) / rate;
    }

    /** Draws the next occurrence inside the run (skipping any before its start). */
    void advance() {
      while (true) {
        years += waitingTime(own);
        int month = (int) Math.floor(years * 12);
        if (month >= windowMonths) {
          step = -1;
          return;
        }
        int s = scenario.stepOf(from.plusMonths(month));
        if (s >= steps) {
          step = -1;
          return;
        }
        if (s >= 0) {
          step = s;
          return;
        }
      }
    }
  }

  /** The one steppable of the events: applies a step's events, then waits for the next step due. */
  static final class Driver extends Phase {
    private static final long serialVersionUID = 1L;
    private final Events events;
    /** the step it fires at next, or -1 when no event is left */
    int at;

    Driver(Events events) {
      this.events = events;
    }

    @Override
    public void step(sim.engine.SimState state) {
      super.step(state);
      if (at >= 0) state.schedule.scheduleOnce(at, HedgeWorld.ORDER_EVENTS, this);
    }

    /** Applies the events of its step and moves on to the next step that has any. */
    @Override
    void run(HedgeWorld w) {
      events.apply(at);
      at = events.nextStep(at + 1);
    }
  }
}
