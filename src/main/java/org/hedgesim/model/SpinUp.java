package org.hedgesim.model;

import org.hedgesim.scenario.Mechanism;
import org.hedgesim.scenario.Parameter;

/**
 * The initial state at the model's own equilibrium (docs/MODEL.md, "Initialisation"). Before the
 * first step the world runs {@code spinup_months} with events off and the clock stopped: flows are
 * held at the amounts the scenario declares, and nothing grows; alignments, beliefs, courtship,
 * coercion and regime switches move as in a run. Then each flow's base is set so that its first
 * level is the declared amount again, and stocks start at their steady state (amount /
 * depreciation). With the {@code spin_up} knock-out alignments start at 0, beliefs at their base
 * and powers with no courtship or coercion.
 */
final class SpinUp {

  private SpinUp() {}

  static void run(HedgeWorld w) {
    PerceptionPhase perception = new PerceptionPhase();
    for (int s : w.small) perception.perceive(w, w.actors[s]);
    if (w.runs(Mechanism.SPIN_UP)) {
      w.spinningUp = true;
      for (int s : w.small) {
        Actor a = w.actors[s];
        System.arraycopy(a.target, 0, a.alignment, 0, a.alignment.length);
      }
      int steps = (int) Math.ceil(w.p(Parameter.SPINUP_MONTHS) / w.monthsPerStep);
      for (int t = 1; t <= steps; t++) {
        PowersPhase.review(w, t);
        for (Flow f : w.flows) f.level = f.declared;
        for (int s : w.small) {
          Actor a = w.actors[s];
          perception.perceive(w, a);
          PortfolioChoice.move(w, a);
        }
        Beliefs.relax(w);
      }
      w.spinningUp = false;
    }
    for (Flow f : w.flows) {
      double own = Math.max(0.0, f.declared - f.courtship);
      double m = EconomyPhase.multiplier(w, f);
      f.base = m > 0 ? own / m : own;
      f.level = own + f.courtship;
    }
    double[] inflows = new double[w.actors.length];
    EconomyPhase.sumInflows(w, inflows);
    for (Actor a : w.actors) a.startInflow = inflows[a.index];
  }
}
