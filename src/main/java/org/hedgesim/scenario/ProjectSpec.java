package org.hedgesim.scenario;

import java.util.List;

/**
 * An infrastructure project. While it is built, the financier's share of the cost flows in as
 * investment; at the end it completes with {@code completionProbability} or is delayed.
 *
 * @param cost US$ bn
 * @param months planned construction time
 * @param maxDelayMonths a delay is drawn uniformly from 1 to this many months
 */
public record ProjectSpec(String id, String name, String host, String financier, double cost,
    double financierShare, int months, double completionProbability, int maxDelayMonths,
    List<Action> onStart, List<Action> onCompletion, Origin origin) {

  public ProjectSpec {
    onStart = List.copyOf(onStart);
    onCompletion = List.copyOf(onCompletion);
  }
}
