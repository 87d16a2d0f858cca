package org.hedgesim.model;

import org.hedgesim.scenario.Mechanism;
import org.hedgesim.scenario.Parameter;

/**
 * Walt's dyadic threat of each pole to a small state, and the security value of each pole as a
 * protector against the worst of the others (docs/MODEL.md, "Threat"). Capability is taken
 * relative to the threatened state's own, so a strong neighbour with a grievance and a salient
 * dispute can be very threatening.
 */
final class ThreatAssessment {

  private ThreatAssessment() {}

  static void assess(HedgeWorld w, Actor a) {
    int np = w.poles.length;
    double alpha = w.p(Parameter.CAPABILITY_EXPONENT);
    for (int k = 0; k < np; k++) {
      int pk = w.poles[k];
      if (pk == a.index) {
        a.threat[k] = 0;
        continue;
      }
      Relation r = w.relations[a.index][pk];
      double power = Equations.relativePower(w.actors[pk].capability, a.capability, alpha);
      a.threat[k] = Equations.threat(power, r.proximity, r.trust, r.grievance, salience(w, a, pk));
    }
    // the worst threat from another pole: the top one, or the second for the top pole itself
    int top = -1;
    int second = -1;
    for (int j = 0; j < np; j++) {
      if (w.poles[j] == a.index) continue;
      if (top < 0 || a.threat[j] > a.threat[top]) {
        second = top;
        top = j;
      } else if (second < 0 || a.threat[j] > a.threat[second]) {
        second = j;
      }
    }
    for (int k = 0; k < np; k++) {
      int pk = w.poles[k];
      int worst = k == top ? second : top;
      if (pk == a.index || worst < 0) {
        a.security[k] = 0;
        continue;
      }
      a.security[k] = Equations.securityValue(a.securityTie[k], w.actors[pk].capability,
          w.actors[w.poles[worst]].capability, a.threat[worst]);
    }
  }

  /** The salience of the state's most salient dispute with a power (0 with none, or knocked out). */
  static double salience(HedgeWorld w, Actor a, int power) {
    if (!w.runs(Mechanism.DISPUTES)) return 0.0;
    double s = 0;
    for (Dispute d : w.disputesOf[a.index]) {
      if (d.power == power) s = Math.max(s, d.salience);
    }
    return s;
  }
}
