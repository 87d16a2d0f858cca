package org.hedgesim.analysis;

import org.hedgesim.analysis.RobustnessMetrics.Direction;

/**
 * Regret (Savage 1951, as used in robust decision making by Lempert, Popper and Bankes 2003): in
 * each future, how much worse a setting does than the best setting in that same future. It is
 * never negative, 0 for the setting that does best there, and in the objective's own units, so a
 * maximum regret of 0.04 on a hedging index means that in no future would another setting have
 * given more than 0.04 more. Because every setting runs the same futures with the same seeds, the
 * difference is the setting's, not the draw's.
 */
public final class Regret {

  private Regret() {}

  /**
   * The regret of each setting in each future.
   *
   * @param values {@code values[setting][future]}, the objective's value
   * @return {@code regret[setting][future]}
   */
  public static double[][] of(double[][] values, Direction direction) {
    int settings = values.length;
    int futures = values[0].length;
    double[][] regret = new double[settings][futures];
    for (int f = 0; f < futures; f++) {
      double best = values[0][f];
      for (int s = 1; s < settings; s++) {
        if (direction.better(values[s][f], best)) best = values[s][f];
      }
      for (int s = 0; s < settings; s++) {
        regret[s][f] = direction == Direction.MAXIMIZE ? best - values[s][f] : values[s][f] - best;
      }
    }
    return regret;
  }

  /** The largest regret of each setting over the futures: its minimax-regret score. */
  public static double[] max(double[][] regret) {
    double[] max = new double[regret.length];
    for (int s = 0; s < regret.length; s++) {
      double m = 0;
      for (double r : regret[s]) m = Math.max(m, r);
      max[s] = m;
    }
    return max;
  }
}
