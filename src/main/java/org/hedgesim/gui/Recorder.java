package org.hedgesim.gui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hedgesim.model.EventRecord;
import org.hedgesim.model.RunObserver;
import org.hedgesim.model.SeriesKey;

/**
 * What the world reports while the class watches: the value of every series at every step (the
 * numbers {@code hedgesim run} writes to timeseries.csv) and every event. The model's thread writes;
 * the charts, the map and the inspectors read from Swing's thread, so reads return copies.
 */
public final class Recorder implements RunObserver {
  private volatile List<SeriesKey> keys = List.of();
  private volatile Map<SeriesKey, Integer> index = Map.of();
  private volatile double[] latest;
  private final List<double[]> history = new ArrayList<>();
  private final List<EventRecord> events = new ArrayList<>();
  private volatile int runs;

  @Override
  public synchronized void onStart(List<SeriesKey> series) {
    Map<SeriesKey, Integer> idx = new HashMap<>();
    for (int i = 0; i < series.size(); i++) idx.put(series.get(i), i);
    keys = List.copyOf(series);
    index = Map.copyOf(idx);
    latest = null;
    history.clear();
    events.clear();
    runs++;
  }

  /** How many runs have started: a reader that saw an earlier run starts over. */
  public int runs() {
    return runs;
  }

  @Override
  public synchronized void onStep(int step, double[] values) {
    double[] v = values.clone();
    history.add(v);
    latest = v;
  }

  @Override
  public synchronized void onEvent(EventRecord event) {
    events.add(event);
  }

  /** The series of this run, in the order of the values. */
  public List<SeriesKey> series() {
    return keys;
  }

  /** The position of a series in the values, or -1 when the world has no such series. */
  public int indexOf(String metric, String actor, String target) {
    Integer i = index.get(new SeriesKey(metric, actor, target));
    return i == null ? -1 : i;
  }

  /** The value of series {@code i} at the last recorded step; NaN before the first step. */
  public double latest(int i) {
    double[] v = latest;
    return v == null || i < 0 ? Double.NaN : v[i];
  }

  /** Steps recorded so far. */
  public synchronized int steps() {
    return history.size();
  }

  /** The values of every step recorded so far (copies of the rows). */
  public synchronized List<double[]> history() {
    List<double[]> out = new ArrayList<>(history.size());
    for (double[] row : history) out.add(row.clone());
    return out;
  }

  /** The values of the steps from number {@code from} on (for a reader that has seen the first ones). */
  public synchronized List<double[]> historyFrom(int from) {
    List<double[]> out = new ArrayList<>();
    for (int i = Math.max(0, from); i < history.size(); i++) out.add(history.get(i).clone());
    return out;
  }

  /** The events recorded so far, in the order they happened. */
  public synchronized List<EventRecord> events() {
    return List.copyOf(events);
  }

  /** The events from number {@code from} on (for a reader that has seen the first ones). */
  public synchronized List<EventRecord> eventsFrom(int from) {
    return from >= events.size() ? List.of() : List.copyOf(events.subList(Math.max(0, from), events.size()));
  }

  public synchronized int eventCount() {
    return events.size();
  }
}
