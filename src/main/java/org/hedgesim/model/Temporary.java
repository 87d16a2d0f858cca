package org.hedgesim.model;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Amounts that last a number of steps and then end, each on its own clock: growth shocks of an
 * actor, one-off aid gifts on a flow. Overlapping ones add up while both run.
 */
final class Temporary {
  private final List<double[]> running = new ArrayList<>(2);

  /** Adds an amount for the next {@code steps} steps. */
  void add(double amount, int steps) {
    running.add(new double[] {amount, steps});
  }

  /** The sum of the amounts running now. */
  double total() {
    double sum = 0;
    for (int i = 0; i < running.size(); i++) sum += running.get(i)[0];
    return sum;
  }

  /** One step passes; amounts whose time is up end. */
  void tick() {
    if (running.isEmpty()) return;
    for (Iterator<double[]> it = running.iterator(); it.hasNext(); ) {
      double[] r = it.next();
      if (--r[1] <= 0) it.remove();
    }
  }
}
