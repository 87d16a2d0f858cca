package org.hedgesim.experiment;

import java.util.ArrayList;
import java.util.List;
import org.hedgesim.model.EventRecord;
import org.hedgesim.model.HedgeWorld;
import org.hedgesim.model.RunObserver;
import org.hedgesim.model.SeriesKey;
import org.hedgesim.scenario.Scenario;

/**
 * One run of a scenario with one seed, and everything it recorded: the value of every series at
 * every step, and the events. Runs on whatever thread calls {@link #run}; shares nothing.
 */
public record Replication(int index, long seed, List<SeriesKey> series, double[][] values,
    List<EventRecord> events) {

  /** Runs the scenario once with the given seed and keeps what it recorded. */
  public static Replication run(Scenario scenario, int index, long seed) {
    HedgeWorld world = new HedgeWorld(seed, scenario);
    Collector c = new Collector(scenario.steps());
    world.setObserver(c);
    world.runToEnd();
    return new Replication(index, seed, c.series, c.values, List.copyOf(c.events));
  }

  public int steps() {
    return values.length;
  }

  private static final class Collector implements RunObserver {
    private final int steps;
    private List<SeriesKey> series;
    private double[][] values;
    private final List<EventRecord> events = new ArrayList<>();

    Collector(int steps) {
      this.steps = steps;
    }

    @Override
    public void onStart(List<SeriesKey> keys) {
      series = keys;
      values = new double[steps][];
    }

    @Override
    public void onStep(int step, double[] v) {
      values[step] = v.clone();
    }

    @Override
    public void onEvent(EventRecord event) {
      events.add(event);
    }
  }
}
