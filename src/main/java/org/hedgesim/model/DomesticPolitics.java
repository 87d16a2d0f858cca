package org.hedgesim.model;

import org.hedgesim.scenario.Mechanism;
import org.hedgesim.scenario.Parameter;

/**
 * Legitimacy, nationalism and expectations (docs/MODEL.md, "Legitimacy"). Legitimacy moves with
 * growth above the growth the public expects and falls with dependence beyond the tolerance,
 * weighted by nationalism; both move as news (so they never reach 0 or 1). The expectation adapts
 * toward the growth seen: g_ref + lambda_e (g - g_ref) a year. Nationalism rises while legitimacy
 * is below the reference and relaxes toward its base.
 */
final class DomesticPolitics {

  private DomesticPolitics() {}

  static void update(HedgeWorld w, Actor a) {
    if (!w.runs(Mechanism.LEGITIMACY)) return;
    double dt = 1.0 / w.stepsPerYear;
    double excess = 0;
    for (int k = 0; k < w.poles.length; k++) {
      if (w.poles[k] != a.index) excess = Math.max(excess, a.dependence[k] - a.tolerance);
    }
    double dL = Equations.legitimacyDrift(w.p(Parameter.GROWTH_LEGITIMACY), a.effectiveGrowth,
        a.growthTarget, w.p(Parameter.DEPENDENCE_LEGITIMACY), a.nationalism, excess);
    a.legitimacy = Equations.news(a.legitimacy, dt * dL);
    a.growthTarget += dt * w.p(Parameter.EXPECTATION_ADAPTATION) * (a.effectiveGrowth - a.growthTarget);
    double dNu = w.p(Parameter.NATIONALISM_GAIN)
        * Math.max(0, w.p(Parameter.LEGITIMACY_REFERENCE) - a.legitimacy)
        - w.p(Parameter.NATIONALISM_RELAXATION) * (a.nationalism - a.nationalismBase);
    a.nationalism = Equations.news(a.nationalism, dt * dNu);
  }
}
