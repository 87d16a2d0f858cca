package org.hedgesim.model;

import org.hedgesim.scenario.Approach;
import org.hedgesim.scenario.Inducements;

/**
 * Phase 2: each pole with an approach reviews, every {@code review_months}, how each small state
 * leans: its relative alignment (alignment to the pole minus its highest alignment to another
 * pole). Positive poles court with offers when the state leans away or drifts off, and reward it
 * when it comes closer; negative poles sanction below the floor and lift once the state is back
 * above floor + margin; mixed poles do both. A scripted sanction is left alone: only a scripted
 * lift ends it.
 */
final class Powers extends Phase {
  private static final long serialVersionUID = 1L;

  /** per small state: its highest alignment, to which pole, and its second highest */
  private double[] top = new double[0];
  private int[] topPole = new int[0];
  private double[] second = new double[0];

  @Override
  void run(HedgeWorld w) {
    if (w.stepNumber == 0) return;
    boolean ranked = false;
    for (int p : w.poles) {
      Actor pole = w.actors[p];
      if (pole.approach == Approach.NONE) continue;
      Inducements ind = pole.inducements;
      int interval = Math.max(1, (int) Math.round(ind.reviewMonths() / w.monthsPerStep));
      if (w.stepNumber % interval != 0) continue;
      if (!ranked) {
        rank(w);
        ranked = true;
      }
      for (int s : w.small) {
        if (s != p) review(w, pole, w.actors[s], ind, interval);
      }
    }
  }

  /** Each state's two highest alignments (offers and sanctions do not move alignments). */
  private void rank(HedgeWorld w) {
    int n = w.actors.length;
    if (top.length != n) {
      top = new double[n];
      topPole = new int[n];
      second = new double[n];
    }
    for (int s : w.small) {
      Actor a = w.actors[s];
      double best = Double.NEGATIVE_INFINITY;
      double next = Double.NEGATIVE_INFINITY;
      int bestPole = -1;
      for (int j = 0; j < w.poles.length; j++) {
        if (w.poles[j] == s) continue;
        double v = a.alignment[j];
        if (bestPole < 0 || v > best) {
          next = best;
          best = v;
          bestPole = j;
        } else if (v > next) {
          next = v;
        }
      }
      top[s] = best;
      topPole[s] = bestPole;
      second[s] = next;
    }
  }

  private void review(HedgeWorld w, Actor pole, Actor state, Inducements ind, int interval) {
    int k = pole.poleIndex;
    double a = state.alignment[k];
    // the state's highest alignment to any other pole
    double others = k == topPole[state.index] ? second[state.index] : top[state.index];
    double relative = others == Double.NEGATIVE_INFINITY ? a : a - others;
    double previous = pole.lastReviewed[state.index];
    pole.lastReviewed[state.index] = a;
    boolean sanctioned = pole.sanctionOn[state.index] > 0;
    boolean scripted = pole.sanctionScripted[state.index];
    String lean = w.logging() ? String.format(java.util.Locale.ROOT, "relative alignment %.3f", relative) : "";
    switch (pole.approach) {
      case POSITIVE -> {
        if (sanctioned && !scripted) {
          Happenings.liftSanction(w, pole.index, state.index, "endogenous",
              w.logging() ? "positive approach; " + lean : "");
        }
        if (relative < ind.goal() || a < previous) {
          Happenings.offer(w, pole.index, state.index, ind.offerSize(), interval, "courtship", lean);
        } else if (a > previous) {
          Happenings.offer(w, pole.index, state.index, ind.offerSize() / 2, interval, "reward", lean);
        }
      }
      case NEGATIVE -> {
        if (!sanctioned && relative < ind.floor()) {
          Happenings.sanction(w, pole.index, state.index, ind.sanctionSeverity(), "endogenous", lean);
        } else if (sanctioned && !scripted && relative >= ind.floor() + ind.liftMargin()) {
          Happenings.liftSanction(w, pole.index, state.index, "endogenous", lean);
        }
      }
      case MIXED -> {
        if (relative < ind.floor()) {
          if (!sanctioned) {
            Happenings.sanction(w, pole.index, state.index, ind.sanctionSeverity(), "endogenous", lean);
          }
        } else {
          if (sanctioned && !scripted && relative >= ind.floor() + ind.liftMargin()) {
            Happenings.liftSanction(w, pole.index, state.index, "endogenous", lean);
          }
          if (relative < ind.goal()) {
            Happenings.offer(w, pole.index, state.index, ind.offerSize(), interval, "courtship", lean);
          }
        }
      }
      case NONE -> {
        // no policy of its own
      }
    }
  }
}
