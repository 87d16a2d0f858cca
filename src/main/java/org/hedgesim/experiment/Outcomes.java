package org.hedgesim.experiment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hedgesim.model.EventRecord;
import org.hedgesim.scenario.ActorSpec;
import org.hedgesim.scenario.FrameworkSpec;
import org.hedgesim.scenario.Scenario;

/**
 * Outcomes of a whole run, beyond the time series: whether and when each small state left or
 * joined each framework, how many sanctions, offers and visits each pole directed at it, how many
 * incidents it had with each pole, and how often its regime and its government changed. The
 * set of outcomes depends on the scenario only, so every replication has the same rows.
 */
public final class Outcomes {

  /** One outcome: its name, actor and target. */
  public record Key(String metric, String actor, String target) {}

  private final List<Key> keys = new ArrayList<>();
  private final Map<String, Integer> index = new HashMap<>();

  public Outcomes(Scenario s) {
    for (ActorSpec a : s.actors()) {
      if (!a.isSmall()) continue;
      for (FrameworkSpec f : s.frameworks()) {
        if (a.id().equals(f.lead())) continue;
        add("exited", a.id(), f.id());
        add("exit_step", a.id(), f.id());
        add("joined", a.id(), f.id());
        add("join_step", a.id(), f.id());
      }
      add("regime_switches", a.id(), "");
      add("leader_changes", a.id(), "");
      for (String pole : s.poles()) {
        if (pole.equals(a.id())) continue;
        add("sanctions", pole, a.id());
        add("offers", pole, a.id());
        add("visits", pole, a.id());
        add("incidents", a.id(), pole);
      }
    }
  }

  private void add(String metric, String actor, String target) {
    index.put(metric + "|" + actor + "|" + target, keys.size());
    keys.add(new Key(metric, actor, target));
  }

  public List<Key> keys() {
    return keys;
  }

  /** The outcomes of one replication, in key order; NaN where there is no value (no exit). */
  public double[] of(List<EventRecord> events) {
    double[] v = new double[keys.size()];
    for (int i = 0; i < keys.size(); i++) {
      String m = keys.get(i).metric();
      v[i] = m.endsWith("_step") ? Double.NaN : 0.0;
    }
    for (EventRecord e : events) {
      switch (e.kind()) {
        case "exit" -> first(v, "exited", "exit_step", e);
        case "join" -> first(v, "joined", "join_step", e);
        case "sanction" -> count(v, "sanctions", e);
        case "offer" -> count(v, "offers", e);
        case "visit" -> count(v, "visits", e);
        case "incident" -> count(v, "incidents", e);
        case "regime_switch" -> countActor(v, "regime_switches", e);
        case "leader" -> countActor(v, "leader_changes", e);
        default -> { }
      }
    }
    return v;
  }

  private void countActor(double[] v, String metric, EventRecord e) {
    Integer i = index.get(metric + "|" + e.actor() + "|");
    if (i != null) v[i]++;
  }

  private void first(double[] v, String flag, String step, EventRecord e) {
    Integer f = index.get(flag + "|" + e.actor() + "|" + e.target());
    Integer s = index.get(step + "|" + e.actor() + "|" + e.target());
    if (f == null || s == null) return;
    if (v[f] == 0) {
      v[f] = 1;
      v[s] = e.step();
    }
  }

  private void count(double[] v, String metric, EventRecord e) {
    Integer i = index.get(metric + "|" + e.actor() + "|" + e.target());
    if (i != null) v[i]++;
  }
}
