package org.hedgesim.analysis;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Benjamini-Hochberg adjusted p values (q values): when many outcomes are compared at once, about
 * 5% of those with no real difference still have a 95% interval that excludes zero; flagging only
 * q &lt; 0.05 keeps the expected share of false findings among the flagged at 5% (Benjamini and
 * Hochberg 1995, step-up procedure). NaN p values are left out and get a NaN q.
 */
public final class FalseDiscovery {
  private FalseDiscovery() {}

  public static double[] qValues(double[] p) {
    Integer[] order = new Integer[p.length];
    int m = 0;
    for (int i = 0; i < p.length; i++) {
      if (!Double.isNaN(p[i])) order[m++] = i;
    }
    Integer[] valid = Arrays.copyOf(order, m);
    Arrays.sort(valid, Comparator.comparingDouble((Integer i) -> p[i]).thenComparingInt(i -> i));
    double[] q = new double[p.length];
    Arrays.fill(q, Double.NaN);
    double running = 1.0;
    for (int rank = m; rank >= 1; rank--) {
      int i = valid[rank - 1];
      running = Math.min(running, p[i] * m / rank);
      q[i] = running;
    }
    return q;
  }
}
