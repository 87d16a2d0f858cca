package org.hedgesim.model;

import org.hedgesim.scenario.Approach;

/**
 * Phase 2: powers act. Disputes may flare into incidents ({@link Disputes}); then each pole whose
 * review falls due sets its courtship ({@link Courtship}) and coercion ({@link Coercion}) of each
 * small state, by its doctrine: positive courts, negative coerces, mixed courts and, beyond its
 * tolerance, also coerces (docs/MODEL.md says why this departs from the design), none lets both
 * run down.
 */
final class PowersPhase extends Phase {
  private static final long serialVersionUID = 1L;

  @Override
  void run(HedgeWorld w) {
    Disputes.step(w);
    review(w, w.stepNumber);
  }

  /** The reviews due at step {@code t} (a step counter that the spin-up runs on its own). */
  static void review(HedgeWorld w, int t) {
    if (t == 0) return;
    for (int p : w.poles) {
      Actor pole = w.actors[p];
      int interval = Math.max(1, (int) Math.round(pole.inducements.reviewMonths() / w.monthsPerStep));
      if (t % interval != 0) continue;
      for (int s : w.small) {
        if (s == p) continue;
        double gap = Courtship.gap(w, p, s);
        Approach doctrine = pole.approach;
        boolean carrots = doctrine == Approach.POSITIVE || doctrine == Approach.MIXED;
        boolean sticks = doctrine == Approach.NEGATIVE || doctrine == Approach.MIXED;
        pole.courtship[s] = Courtship.update(w, pole, s, gap, carrots);
        Coercion.update(w, pole, s, gap, sticks, doctrine == Approach.POSITIVE);
      }
      Courtship.budget(w, pole);
      for (int s : w.small) {
        if (s != p) Courtship.deliver(w, pole, s);
      }
    }
  }
}
