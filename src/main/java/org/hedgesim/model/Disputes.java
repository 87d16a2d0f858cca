package org.hedgesim.model;

import java.util.Locale;
import org.hedgesim.scenario.Mechanism;
import org.hedgesim.scenario.Parameter;

/**
 * Territorial and maritime disputes (docs/MODEL.md, "Disputes"). Each step a dispute flares into an
 * incident with probability 1 - exp(-lambda / steps a year), lambda = rate x salience x (1 + the
 * power's assertiveness); scripted incidents come as events. An incident raises the dispute's
 * salience and is bad news for trust in the power. The state yields with probability relative
 * power x (1 - backing), where backing is the strongest security tie it has with a rival of the
 * power; yielding costs legitimacy, standing firm rallies it, both in proportion to nationalism.
 * Salience relaxes toward its base.
 */
final class Disputes {

  private Disputes() {}

  /** Random incidents of this step. */
  static void step(HedgeWorld w) {
    if (!w.runs(Mechanism.DISPUTES) || w.spinningUp) return;
    for (Dispute d : w.disputes) {
      if (d.rate <= 0 || d.salience <= 0) continue;
      double lambda = d.rate * d.salience * (1.0 + w.actors[d.power].assertiveness);
      if (w.random.nextDouble() < Equations.stepProbability(lambda, w.stepsPerYear)) {
        incident(w, d, d.severity, "random");
      }
    }
  }

  static void incident(HedgeWorld w, Dispute d, double severity, String origin) {
    if (!w.runs(Mechanism.DISPUTES)) {
      w.log("skipped", d.state, d.power, severity, origin, "incident on " + d.id + ": disputes knocked out");
      return;
    }
    Actor state = w.actors[d.state];
    Actor power = w.actors[d.power];
    d.salience = Equations.goodNews(d.salience, Math.min(1.0, w.p(Parameter.INCIDENT_SALIENCE) * severity));
    Beliefs.trustNews(w, d.state, d.power, -Math.min(1.0, w.p(Parameter.INCIDENT_TRUST) * severity));
    double relative = Equations.relativePower(power.capability, state.capability, 1.0);
    double yieldProbability = relative * (1.0 - backing(w, d));
    boolean yields = w.random.nextDouble() < yieldProbability;
    if (w.runs(Mechanism.LEGITIMACY)) {
      double size = severity * state.nationalism;
      state.legitimacy = yields
          ? Equations.badNews(state.legitimacy, Math.min(1.0, w.p(Parameter.INCIDENT_LEGITIMACY) * size))
          : Equations.goodNews(state.legitimacy, Math.min(1.0, w.p(Parameter.INCIDENT_RALLY) * size));
    }
    w.log("incident", d.state, d.power, severity, origin, w.logging() ? String.format(Locale.ROOT,
        "%s: %s; salience now %.3f", d.id, yields ? "the state yields" : "the state stands firm",
        d.salience) : "");
  }

  /** The strongest security tie the state has with a rival of the power (0 if none). */
  private static double backing(HedgeWorld w, Dispute d) {
    Actor state = w.actors[d.state];
    if (!state.isSmall()) return 0;
    Interdependence.frameworkTies(w, state);
    double best = 0;
    for (int l = 0; l < w.poles.length; l++) {
      int pl = w.poles[l];
      if (pl == d.power || pl == d.state) continue;
      best = Math.max(best, state.securityTie[l] * w.relations[d.power][pl].rivalry);
    }
    return best;
  }

  /** Salience relaxes toward its base. */
  static void relax(HedgeWorld w) {
    if (w.disputes.length == 0) return;
    double k = w.salienceRelaxation();
    for (Dispute d : w.disputes) d.salience += (d.baseSalience - d.salience) * k;
  }
}
