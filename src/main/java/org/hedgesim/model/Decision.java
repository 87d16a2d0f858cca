package org.hedgesim.model;

import org.hedgesim.scenario.Parameter;
import org.hedgesim.scenario.Weights;

/**
 * Phase 4: each small state moves its alignments toward its targets (with noise, within its
 * neutrality cap), reviews its framework memberships (endogenous exit and join), and its
 * legitimacy and nationalism update.
 */
final class Decision extends Phase {
  private static final long serialVersionUID = 1L;

  @Override
  void run(HedgeWorld w) {
    for (int s : w.small) decide(w, w.actors[s]);
  }

  private void decide(HedgeWorld w, Actor a) {
    double sigma = w.p(Parameter.ALIGNMENT_NOISE);
    for (int k = 0; k < w.poles.length; k++) {
      if (w.poles[k] == a.index) continue;
      a.alignment[k] = Equations.adjust(a.alignment[k], a.target[k], a.inertia, w.noise(sigma), a.neutrality);
    }
    reviewFrameworks(w, a);
    updateLegitimacy(w, a);
  }

  private void reviewFrameworks(HedgeWorld w, Actor a) {
    double sigma = w.p(Parameter.PRESSURE_NOISE);
    double exitThreshold = w.p(Parameter.EXIT_THRESHOLD);
    double joinThreshold = w.p(Parameter.JOIN_THRESHOLD);
    double wR = weights(w, a).returns();
    for (Framework f : w.frameworks) {
      if (f.lead == a.index) continue;
      boolean hasLead = f.lead >= 0;
      Relation r = hasLead ? w.relations[a.index][f.lead] : null;
      double trust = hasLead ? r.trust : 0;
      double grievance = hasLead ? r.grievance : 0;
      double pressure = Equations.exitPressure(a.nationalism, f.sovereigntyCost, trust, grievance,
          hasLead, wR, f.benefit, f.exitCost);
      a.pressure[f.index] = pressure;
      if (f.member[a.index]) {
        if (pressure + w.noise(sigma) > exitThreshold) {
          a.reviewCount[f.index]++;
        } else {
          a.reviewCount[f.index] = 0;
        }
        if (a.reviewCount[f.index] >= w.patienceSteps) {
          a.reviewCount[f.index] = 0;
          Happenings.exit(w, a.index, f, "endogenous",
              String.format(java.util.Locale.ROOT, "exit pressure %.3f above %.3f for %d steps",
                  pressure, exitThreshold, w.patienceSteps));
        }
      } else if (f.open || f.former[a.index]) {
        double attraction = Equations.joinAttraction(a.nationalism, f.sovereigntyCost, trust,
            grievance, hasLead, wR, f.benefit);
        if (attraction + w.noise(sigma) > joinThreshold) {
          a.reviewCount[f.index]++;
        } else {
          a.reviewCount[f.index] = 0;
        }
        if (a.reviewCount[f.index] >= w.patienceSteps) {
          a.reviewCount[f.index] = 0;
          Happenings.join(w, a.index, f, "endogenous",
              String.format(java.util.Locale.ROOT, "join attraction %.3f above %.3f for %d steps",
                  attraction, joinThreshold, w.patienceSteps));
        }
      }
    }
  }

  private void updateLegitimacy(HedgeWorld w, Actor a) {
    double dt = 1.0 / w.stepsPerYear;
    double excess = 0;
    for (int k = 0; k < w.poles.length; k++) {
      if (w.poles[k] != a.index) excess = Math.max(excess, a.dependence[k] - a.tolerance);
    }
    excess = Math.max(0, excess);
    double dL = w.p(Parameter.GROWTH_LEGITIMACY) * (a.effectiveGrowth - a.growthTarget)
        - w.p(Parameter.DEPENDENCE_LEGITIMACY) * a.nationalism * excess;
    a.legitimacy = Equations.clip(a.legitimacy + dt * dL, 0, 1);
    double dNu = w.p(Parameter.NATIONALISM_GAIN)
        * Math.max(0, w.p(Parameter.LEGITIMACY_REFERENCE) - a.legitimacy)
        - w.p(Parameter.NATIONALISM_RELAXATION) * (a.nationalism - a.nationalismBase);
    a.nationalism = Equations.clip(a.nationalism + dt * dNu, 0, 1);
  }

  /** The utility weights the actor uses now. */
  static Weights weights(HedgeWorld w, Actor a) {
    return a.effectiveStrategy == a.strategy ? a.ownWeights
        : w.scenario().strategies().get(a.effectiveStrategy);
  }
}
