package org.hedgesim.gui;

import java.util.ArrayList;
import java.util.List;
import org.hedgesim.scenario.ActorSpec;
import org.hedgesim.scenario.Scenario;
import sim.util.Properties;

/**
 * The small states' numbers at the current step, read-only, as the run records them: hedging
 * index, autonomy, legitimacy, nationalism, memberships, and alignment toward, dependence on and
 * trust in each pole. The same values go to the charts and to {@code hedgesim run}'s timeseries.csv.
 */
final class Readings extends Properties {
  private static final long serialVersionUID = 1L;
  private static final List<String> SCALARS =
      List.of("hedging_index", "autonomy", "legitimacy", "nationalism", "memberships");

  /** One reading: a series of the run and how it is labelled. */
  private record Reading(String label, String metric, String actor, String target) {}

  private final transient Recorder recorder;
  private final transient List<Reading> readings = new ArrayList<>();

  Readings(Scenario s, Recorder recorder) {
    this.recorder = recorder;
    for (ActorSpec a : s.actors()) {
      if (!a.isSmall()) continue;
      for (String m : SCALARS) readings.add(new Reading(a.id() + " " + m.replace('_', ' '), m, a.id(), ""));
      for (String p : s.poles()) {
        if (!p.equals(a.id())) readings.add(new Reading(a.id() + " alignment to " + p, "alignment", a.id(), p));
      }
      for (String p : s.poles()) {
        if (!p.equals(a.id())) readings.add(new Reading(a.id() + " dependence on " + p, "dependence", a.id(), p));
      }
      for (String p : s.poles()) {
        if (!p.equals(a.id())) readings.add(new Reading(a.id() + " trust in " + p, "trust", a.id(), p));
      }
    }
  }

  @Override
  public boolean isVolatile() {
    return false;
  }

  @Override
  public int numProperties() {
    return readings.size();
  }

  @Override
  public Object getValue(int index) {
    Reading r = readings.get(index);
    return recorder.latest(recorder.indexOf(r.metric(), r.actor(), r.target()));
  }

  @Override
  public boolean isReadWrite(int index) {
    return false;
  }

  @Override
  public String getName(int index) {
    return readings.get(index).label();
  }

  @Override
  public Class<?> getType(int index) {
    return double.class;
  }

  @Override
  public String getDescription(int index) {
    Reading r = readings.get(index);
    return "series " + r.metric() + "[" + r.actor() + (r.target().isEmpty() ? "" : "," + r.target())
        + "] at the current step (docs/MODEL.md defines it)";
  }

  @Override
  protected Object _setValue(int index, Object value) {
    return getValue(index);
  }
}
