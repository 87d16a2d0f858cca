package org.hedgesim.model;

import java.util.Locale;
import org.hedgesim.scenario.Inducements;
import org.hedgesim.scenario.Mechanism;
import org.hedgesim.scenario.Parameter;

/**
 * Powers' sticks (docs/MODEL.md, "Powers as players"). Under a negative or mixed doctrine a pole's
 * coercion s_ki of a state rises by r_k (gap - phi_k) while the state leans toward its rivals by
 * more than the tolerance phi_k, up to s_max; it decays once the gap is back within the tolerance,
 * and is lifted once the gap falls below phi_k - hysteresis. A positive pole lifts it. Coercion
 * cuts the sanctionable flows (with any scripted sanction: 1 - (1 - s_scripted)(1 - s)) and is bad
 * news for trust at every review it stays in force.
 */
final class Coercion {

  private Coercion() {}

  static void update(HedgeWorld w, Actor pole, int s, double gap, boolean sticks, boolean lift) {
    Inducements ind = pole.inducements;
    double before = pole.coercion[s];
    double after;
    if (lift) {
      after = 0;
    } else if (sticks && w.runs(Mechanism.COERCION)) {
      after = Equations.coercion(before, ind.responsiveness(), gap, ind.tolerance(),
          ind.hysteresis(), ind.maxCoercion(), w.p(Parameter.COERCION_DECAY));
    } else {
      after = before * (1.0 - w.p(Parameter.COERCION_DECAY));
    }
    pole.coercion[s] = after;
    refresh(pole, s);
    if (before == 0 && after > 0) {
      w.log("sanction", pole.index, s, after, "endogenous", w.logging() ? String.format(Locale.ROOT,
          "coercion %.3f: gap %.3f above the tolerance %.3f", after, gap, ind.tolerance()) : "");
    } else if (before > 0 && after == 0) {
      w.log("lift_sanction", pole.index, s, Double.NaN, "endogenous", w.logging()
          ? String.format(Locale.ROOT, "gap %.3f", gap) : "");
    }
    if (after > 0) Beliefs.trustNews(w, s, pole.index, -w.p(Parameter.COERCION_TRUST) * after);
  }

  /** The effective cut of sanctionable flows: 1 - (1 - scripted)(1 - coercion). */
  static void refresh(Actor pole, int s) {
    pole.sanctionOn[s] = 1.0 - (1.0 - pole.scriptedSanction[s]) * (1.0 - pole.coercion[s]);
  }
}
