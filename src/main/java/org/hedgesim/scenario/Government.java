package org.hedgesim.scenario;

import java.util.Map;
import java.util.TreeMap;

/**
 * A small state's government: who leads it, and the leader's predisposition toward each pole
 * (ideology, personal ties), each in [-1, 1]; poles not named have 0.
 */
public record Government(String leader, Map<String, Double> predisposition) {

  public Government {
    predisposition = Map.copyOf(predisposition);
  }

  /** No named leader and no predisposition. */
  public static Government none() {
    return new Government("", Map.of());
  }

  /** The predisposition toward a pole (0 when not named). */
  public double toward(String pole) {
    Double v = predisposition.get(pole);
    return v == null ? 0.0 : v;
  }

  /** The predispositions sorted by pole, for messages. */
  public String describe() {
    return leader + " " + new TreeMap<>(predisposition);
  }
}
