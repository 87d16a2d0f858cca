package org.hedgesim.analysis;

/** A time series of a result: a metric of an actor, toward a target (or "" when it has none). */
public record SeriesId(String metric, String actor, String target) {

  /** As a reader writes it: {@code metric[actor,target]} or {@code metric[actor]}. */
  public String label() {
    if (actor.isEmpty()) return metric;
    return metric + "[" + actor + (target.isEmpty() ? "" : "," + target) + "]";
  }
}
