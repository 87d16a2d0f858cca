package org.hedgesim.scenario;

import java.util.List;

/**
 * An infrastructure project: a pledge by its financier. While it is built, the financier's share
 * of the cost flows in as investment, each step's tranche delivered with probability
 * {@code delivery}; at the end it completes with {@code completionProbability} or is delayed.
 *
 * @param cost US$ bn
 * @param months planned construction time
 * @param maxDelayMonths a delay is drawn uniformly from 1 to this many months
 * @param delivery probability that a step's tranche is paid (undelivered ones cost credibility)
 */
public record ProjectSpec(String id, String name, String host, String financier, double cost,
    double financierShare, int months, double completionProbability, int maxDelayMonths,
    double delivery, List<Action> onStart, List<Action> onCompletion, Origin origin) {

  public ProjectSpec {
    onStart = List.copyOf(onStart);
    onCompletion = List.copyOf(onCompletion);
  }
}
