package org.hedgesim.analysis;

import java.util.List;
import org.hedgesim.analysis.RobustnessMetrics.Direction;

/**
 * The settings no other setting dominates: a setting dominates another when it is at least as
 * good on every objective and better on one. With several objectives there is seldom one best
 * setting; the Pareto set is the trade-off a decision maker chooses from (Kasprzyk et al. 2013,
 * many-objective robust decision making). Settings that tie on every objective are all kept.
 */
public final class ParetoSet {

  private ParetoSet() {}

  /**
   * Which settings are non-dominated.
   *
   * @param scores {@code scores[setting][objective]}, the robustness metric of each objective
   * @param directions each objective's direction
   */
  public static boolean[] of(double[][] scores, List<Direction> directions) {
    boolean[] front = new boolean[scores.length];
    for (int s = 0; s < scores.length; s++) {
      front[s] = true;
      for (int t = 0; t < scores.length && front[s]; t++) {
        if (t != s && dominates(scores[t], scores[s], directions)) front[s] = false;
      }
    }
    return front;
  }

  /** Whether {@code a} is at least as good as {@code b} on every objective and better on one. */
  static boolean dominates(double[] a, double[] b, List<Direction> directions) {
    boolean better = false;
    for (int j = 0; j < a.length; j++) {
      Direction d = directions.get(j);
      if (d.better(b[j], a[j])) return false;
      if (d.better(a[j], b[j])) better = true;
    }
    return better;
  }

  /**
   * The most robust setting by minimax regret: the smallest maximum regret, ties broken by the
   * better mean, then by the first setting.
   */
  public static int minimaxRegret(double[] maxRegret, double[] mean, Direction direction) {
    int best = 0;
    for (int s = 1; s < maxRegret.length; s++) {
      if (maxRegret[s] < maxRegret[best]
          || maxRegret[s] == maxRegret[best] && direction.better(mean[s], mean[best])) {
        best = s;
      }
    }
    return best;
  }
}
