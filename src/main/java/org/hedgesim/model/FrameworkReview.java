package org.hedgesim.model;

import org.hedgesim.scenario.Mechanism;
import org.hedgesim.scenario.Parameter;

/**
 * A small state reviews its framework memberships (docs/MODEL.md, "Framework review"): it leaves a
 * framework whose exit pressure (nationalism x sovereignty cost x resentment of the lead, less the
 * benefit and the exit cost) stays above theta_exit for the patience, and joins an open one (or
 * one it left) whose attraction stays above theta_join as long.
 */
final class FrameworkReview {

  private FrameworkReview() {}

  static void review(HedgeWorld w, Actor a) {
    if (!w.runs(Mechanism.FRAMEWORK_REVIEW)) return;
    double sigma = w.p(Parameter.PRESSURE_NOISE);
    double exitThreshold = w.p(Parameter.EXIT_THRESHOLD);
    double joinThreshold = w.p(Parameter.JOIN_THRESHOLD);
    double wR = a.weights(w).returns();
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
        a.reviewCount[f.index] = pressure + w.noise(sigma) > exitThreshold ? a.reviewCount[f.index] + 1 : 0;
        if (a.reviewCount[f.index] >= w.patienceSteps) {
          a.reviewCount[f.index] = 0;
          Happenings.exit(w, a.index, f, "endogenous",
              String.format(java.util.Locale.ROOT, "exit pressure %.3f above %.3f for %d steps",
                  pressure, exitThreshold, w.patienceSteps));
        }
      } else if (f.open || f.former[a.index]) {
        double attraction = Equations.joinAttraction(a.nationalism, f.sovereigntyCost, trust,
            grievance, hasLead, wR, f.benefit);
        a.reviewCount[f.index] = attraction + w.noise(sigma) > joinThreshold ? a.reviewCount[f.index] + 1 : 0;
        if (a.reviewCount[f.index] >= w.patienceSteps) {
          a.reviewCount[f.index] = 0;
          Happenings.join(w, a.index, f, "endogenous",
              String.format(java.util.Locale.ROOT, "join attraction %.3f above %.3f for %d steps",
                  attraction, joinThreshold, w.patienceSteps));
        }
      }
    }
  }
}
